/* store_decision.c - shared decisions (gedeelde besluitvorming): a party
 * proposes a question with options, the employee accepts one or asks to
 * discuss, the other parties agree or ask to discuss. Nothing is deleted:
 * a withdrawn decision and every response stay in the record. */
#include "store_int.h"

#include <string.h>

static const char *const status_names[STORE_DECISION_STATUS__COUNT] = {
	[STORE_DECISION_VOORGESTELD] = "voorgesteld",
	[STORE_DECISION_AANVAARD] = "aanvaard",
	[STORE_DECISION_BESPROKEN] = "besproken",
	[STORE_DECISION_INGETROKKEN] = "ingetrokken",
};

static const char *const answer_names[STORE_DECISION_ANSWER__COUNT] = {
	[STORE_DECISION_AKKOORD] = "akkoord",
	[STORE_DECISION_BESPREKEN] = "bespreken",
};

const char *store_decision_status_name(enum store_decision_status s)
{
	return (unsigned)s < STORE_DECISION_STATUS__COUNT ? status_names[s] : "";
}

const char *store_decision_answer_name(enum store_decision_answer a)
{
	return (unsigned)a < STORE_DECISION_ANSWER__COUNT ? answer_names[a] : "";
}

static int parse_name(const char *s, const char *const *names, int n)
{
	for (int i = 0; s != NULL && i < n; i++)
		if (strcmp(s, names[i]) == 0)
			return i;
	return -1;
}

static int oom(struct sw_error *err)
{
	return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

#define DECISION_COLS                                                              \
	"d.id, d.case_id, d.question, d.proposed_by, u.name, d.proposed_role, d.status," \
	" d.chosen_option, d.decided_on, d.created_at"
#define DECISION_FROM " FROM decisions d LEFT JOIN users u ON u.id = d.proposed_by"

static int read_decision(struct db_stmt *q, struct store_arena *a, void *item,
			 struct sw_error *err)
{
	struct store_decision *d = item;
	memset(d, 0, sizeof *d);
	d->id = db_col_int(q, 0);
	d->case_id = db_col_int(q, 1);
	d->question = store_arena_strdup(a, db_col_text(q, 2));
	d->proposed_by = db_col_int(q, 3);
	d->proposer_name = store_arena_strdup(a, db_col_text(q, 4));
	const int status = parse_name(db_col_text(q, 6), status_names, STORE_DECISION_STATUS__COUNT);
	if (role_parse(db_col_text(q, 5), &d->proposed_role) != 0 || status < 0)
		return sw_error_set(err, SW_EINTERNAL, "status", "decision %lld: unknown value",
				    (long long)d->id);
	d->status = (enum store_decision_status)status;
	d->chosen_option = db_col_isnull(q, 7) ? -1 : (int)db_col_int(q, 7);
	d->decided_on = db_col_date(q, 8);
	d->created_at = store_arena_strdup(a, db_col_text(q, 9));
	if (d->question == NULL || d->created_at == NULL ||
	    (d->proposer_name == NULL && !db_col_isnull(q, 4)))
		return oom(err);
	return 0;
}

static int read_option(struct db_stmt *q, struct store_arena *a, void *item,
		       struct sw_error *err)
{
	struct store_decision_option *o = item;
	o->label = store_arena_strdup(a, db_col_text(q, 0));
	o->pros = store_arena_strdup(a, db_col_text(q, 1));
	o->cons = store_arena_strdup(a, db_col_text(q, 2));
	if (o->label == NULL || (o->pros == NULL && !db_col_isnull(q, 1)) ||
	    (o->cons == NULL && !db_col_isnull(q, 2)))
		return oom(err);
	return 0;
}

static int read_response(struct db_stmt *q, struct store_arena *a, void *item,
			 struct sw_error *err)
{
	struct store_decision_response *r = item;
	r->id = db_col_int(q, 0);
	r->user_id = db_col_int(q, 1);
	r->user_name = store_arena_strdup(a, db_col_text(q, 2));
	const int answer = parse_name(db_col_text(q, 4), answer_names,
				      STORE_DECISION_ANSWER__COUNT);
	if (role_parse(db_col_text(q, 3), &r->role) != 0 || answer < 0)
		return sw_error_set(err, SW_EINTERNAL, "answer", "response %lld: unknown value",
				    (long long)r->id);
	r->answer = (enum store_decision_answer)answer;
	r->option_index = db_col_isnull(q, 5) ? -1 : (int)db_col_int(q, 5);
	r->comment = store_arena_strdup(a, db_col_text(q, 6));
	r->created_at = store_arena_strdup(a, db_col_text(q, 7));
	if (r->created_at == NULL || (r->user_name == NULL && !db_col_isnull(q, 2)) ||
	    (r->comment == NULL && !db_col_isnull(q, 6)))
		return oom(err);
	return 0;
}

/* Options and responses of d, read after its row. */
static int load_parts(struct store *st, struct store_arena *a, struct store_decision *d,
		      struct sw_error *err)
{
	static const char options_sql[] = "SELECT label, pros, cons FROM decision_options"
					  " WHERE decision_id = $1 ORDER BY position";
	static const char responses_sql[] =
		"SELECT r.id, r.user_id, u.name, r.role, r.answer, r.option_index, r.comment,"
		" r.created_at FROM decision_responses r LEFT JOIN users u ON u.id = r.user_id"
		" WHERE r.decision_id = $1 ORDER BY r.id";
	struct db_stmt *q = store_stmt(st, options_sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, d->id);
	if (store_collect(q, a, sizeof *d->options, read_option, (void **)&d->options,
			  &d->noptions, err) != 0 ||
	    (q = store_stmt(st, responses_sql, err)) == NULL)
		return -1;
	db_bind_int(q, 1, d->id);
	return store_collect(q, a, sizeof *d->responses, read_response, (void **)&d->responses,
			     &d->nresponses, err);
}

static int check_proposal(const struct store_decision *d, struct sw_error *err)
{
	if ((unsigned)d->proposed_role >= ROLE__COUNT || d->proposed_role == ROLE_BEHEERDER ||
	    d->proposed_role == ROLE_NETWERKWERKGEVER)
		return sw_error_set(err, SW_EINVAL, "proposed_role", "not a party of the case");
	if (store_check_required(d->question, STORE_MAX_TEXT, "question", err) != 0)
		return -1;
	if (d->noptions < STORE_DECISION_MIN_OPTIONS || d->noptions > STORE_DECISION_MAX_OPTIONS)
		return sw_error_set(err, SW_EINVAL, "options", "between %d and %d options",
				    STORE_DECISION_MIN_OPTIONS, STORE_DECISION_MAX_OPTIONS);
	for (size_t i = 0; i < d->noptions; i++) {
		const struct store_decision_option *o = &d->options[i];
		if (store_check_required(o->label, STORE_MAX_NAME, "options", err) != 0 ||
		    store_check_text(o->pros, STORE_MAX_TEXT, "options", err) != 0 ||
		    store_check_text(o->cons, STORE_MAX_TEXT, "options", err) != 0)
			return -1;
		for (size_t j = 0; j < i; j++)
			if (strcmp(d->options[j].label, o->label) == 0)
				return sw_error_set(err, SW_EINVAL, "options",
						    "two options named \"%s\"", o->label);
	}
	return 0;
}

static int insert_rows(struct store *st, const struct store_decision *d, int64_t *id,
		       struct sw_error *err)
{
	static const char sql[] = "INSERT INTO decisions (case_id, question, proposed_by,"
				  " proposed_role) VALUES ($1, $2, $3, $4) RETURNING id";
	static const char option_sql[] = "INSERT INTO decision_options (decision_id, position,"
					 " label, pros, cons) VALUES ($1, $2, $3, $4, $5)";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, d->case_id);
	db_bind_text(q, 2, d->question);
	db_bind_int(q, 3, d->proposed_by);
	db_bind_text(q, 4, role_name(d->proposed_role));
	if (db_run_id(q, id, err) != 0)
		return -1;
	for (size_t i = 0; i < d->noptions; i++) {
		if ((q = store_stmt(st, option_sql, err)) == NULL)
			return -1;
		db_bind_int(q, 1, *id);
		db_bind_int(q, 2, (int64_t)i);
		db_bind_text(q, 3, d->options[i].label);
		db_bind_text(q, 4, d->options[i].pros);
		db_bind_text(q, 5, d->options[i].cons);
		if (db_run(q, err) != 0)
			return -1;
	}
	return 0;
}

int store_decision_insert(struct store *st, const struct store_decision *d, int64_t *id,
			  struct sw_error *err)
{
	if (check_proposal(d, err) != 0 || store_case_exists(st, d->case_id, "case_id", err) != 0 ||
	    store_user_exists(st, d->proposed_by, "proposed_by", err) != 0)
		return -1;
	if (db_begin(st->db, DB_WRITE, err) != 0)
		return -1;
	if (insert_rows(st, d, id, err) != 0) {
		db_rollback(st->db);
		return -1;
	}
	return db_commit(st->db, err);
}

int store_decision_get(struct store *st, struct store_arena *a, int64_t id,
		       struct store_decision *out, struct sw_error *err)
{
	static const char sql[] = "SELECT " DECISION_COLS DECISION_FROM " WHERE d.id = $1";
	if (store_get_by_id(st, sql, id, a, read_decision, out, "id", err) != 0)
		return -1;
	return load_parts(st, a, out, err);
}

int store_decision_list(struct store *st, struct store_arena *a, int64_t case_id,
			struct store_decision **out, size_t *n, struct sw_error *err)
{
	static const char sql[] =
		"SELECT " DECISION_COLS DECISION_FROM " WHERE d.case_id = $1 ORDER BY d.id";
	if (store_list_by_case(st, sql, case_id, a, sizeof **out, read_decision, (void **)out, n,
			       err) != 0)
		return -1;
	/* A case has a handful of decisions: a query each is fine. */
	for (size_t i = 0; i < *n; i++)
		if (load_parts(st, a, &(*out)[i], err) != 0)
			return -1;
	return 0;
}

/* The status and chosen option of decision id, read inside the caller's
 * write transaction. */
static int current(struct store *st, int64_t id, struct store_decision *d, struct sw_error *err)
{
	struct store_arena a = { 0 };
	static const char sql[] = "SELECT " DECISION_COLS DECISION_FROM " WHERE d.id = $1";
	const int rc = store_get_by_id(st, sql, id, &a, read_decision, d, "id", err);
	d->question = d->proposer_name = d->created_at = NULL;
	store_arena_free(&a);
	return rc;
}

static int count_options(struct store *st, int64_t id, int64_t *n, struct sw_error *err)
{
	static const char sql[] = "SELECT COUNT(*) FROM decision_options WHERE decision_id = $1";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, id);
	return db_run_id(q, n, err);
}

/* What the response does to the decision: -1 with err when it is not
 * allowed now, else 0 with *next the new status (unchanged for others). */
static int transition(const struct store_decision *d, const struct store_decision_response *r,
		      enum store_decision_status *next, struct sw_error *err)
{
	*next = d->status;
	if (d->status == STORE_DECISION_INGETROKKEN)
		return sw_error_set(err, SW_ECONFLICT, "status", "the decision was withdrawn");
	if (r->role == ROLE_WERKNEMER) {
		if (d->status == STORE_DECISION_AANVAARD)
			return sw_error_set(err, SW_ECONFLICT, "status",
					    "the employee already accepted this decision");
		*next = r->answer == STORE_DECISION_AKKOORD ? STORE_DECISION_AANVAARD
							    : STORE_DECISION_BESPROKEN;
		return 0;
	}
	/* Another party agreeing after acceptance agrees with the choice. */
	if (d->status == STORE_DECISION_AANVAARD && r->answer == STORE_DECISION_AKKOORD &&
	    r->option_index >= 0 && r->option_index != d->chosen_option)
		return sw_error_set(err, SW_ECONFLICT, "option_index",
				    "the employee accepted another option");
	return 0;
}

static int check_response(const struct store_decision_response *r, int64_t noptions,
			  struct sw_error *err)
{
	if ((unsigned)r->role >= ROLE__COUNT || r->role == ROLE_BEHEERDER ||
	    r->role == ROLE_NETWERKWERKGEVER)
		return sw_error_set(err, SW_EINVAL, "role", "not a party of the case");
	if ((unsigned)r->answer >= STORE_DECISION_ANSWER__COUNT)
		return sw_error_set(err, SW_EINVAL, "answer", "unknown answer");
	if (r->option_index < -1 || r->option_index >= noptions)
		return sw_error_set(err, SW_EINVAL, "option_index", "no such option");
	if (r->role == ROLE_WERKNEMER && r->answer == STORE_DECISION_AKKOORD &&
	    r->option_index < 0)
		return sw_error_set(err, SW_EINVAL, "option_index",
				    "the employee accepts by choosing an option");
	if (r->answer == STORE_DECISION_BESPREKEN) {
		if (r->option_index >= 0)
			return sw_error_set(err, SW_EINVAL, "option_index",
					    "not used when asking to discuss");
		return store_check_required(r->comment, STORE_MAX_TEXT, "comment", err);
	}
	return store_check_text(r->comment, STORE_MAX_TEXT, "comment", err);
}

static int apply_response(struct store *st, int64_t id, const struct store_decision_response *r,
			  sw_date today, struct sw_error *err)
{
	static const char insert_sql[] =
		"INSERT INTO decision_responses (decision_id, user_id, role, answer, option_index,"
		" comment) VALUES ($1, $2, $3, $4, $5, $6)";
	/* Guarded by the status read: of two concurrent answers one wins. */
	static const char update_sql[] =
		"UPDATE decisions SET status = $2, chosen_option = $3, decided_on = $4"
		" WHERE id = $1 AND status = $5 RETURNING id";
	struct store_decision d;
	int64_t noptions, got;
	enum store_decision_status next;
	if (current(st, id, &d, err) != 0 || count_options(st, id, &noptions, err) != 0 ||
	    check_response(r, noptions, err) != 0 || transition(&d, r, &next, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, insert_sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, id);
	db_bind_int(q, 2, r->user_id);
	db_bind_text(q, 3, role_name(r->role));
	db_bind_text(q, 4, store_decision_answer_name(r->answer));
	if (r->option_index >= 0)
		db_bind_int(q, 5, r->option_index);
	else
		db_bind_null(q, 5);
	db_bind_text(q, 6, r->comment);
	if (db_run(q, err) != 0)
		return -1;
	if (r->role != ROLE_WERKNEMER)
		return 0;
	if ((q = store_stmt(st, update_sql, err)) == NULL)
		return -1;
	db_bind_int(q, 1, id);
	db_bind_text(q, 2, store_decision_status_name(next));
	if (next == STORE_DECISION_AANVAARD) {
		db_bind_int(q, 3, r->option_index);
		db_bind_date(q, 4, today);
	} else {
		db_bind_null(q, 3);
		db_bind_null(q, 4);
	}
	db_bind_text(q, 5, store_decision_status_name(d.status));
	struct sw_error e;
	if (db_run_id(q, &got, &e) == 0)
		return 0;
	if (e.code == SW_ENOTFOUND)
		return sw_error_set(err, SW_ECONFLICT, "status", "the decision changed meanwhile");
	if (err != NULL)
		*err = e;
	return -1;
}

int store_decision_respond(struct store *st, int64_t id, const struct store_decision_response *r,
			   sw_date today, struct sw_error *err)
{
	if (today == DATE_NONE)
		return sw_error_set(err, SW_EINVAL, "today", "required");
	if (store_user_exists(st, r->user_id, "user_id", err) != 0)
		return -1;
	if (db_begin(st->db, DB_WRITE, err) != 0)
		return -1;
	if (apply_response(st, id, r, today, err) != 0) {
		db_rollback(st->db);
		return -1;
	}
	return db_commit(st->db, err);
}

int store_decision_withdraw(struct store *st, int64_t id, int64_t user_id, struct sw_error *err)
{
	static const char sql[] =
		"UPDATE decisions SET status = 'ingetrokken'"
		" WHERE id = $1 AND status IN ('voorgesteld', 'besproken') RETURNING id";
	struct store_decision d;
	if (current(st, id, &d, err) != 0)
		return -1;
	if (d.proposed_by != user_id)
		return sw_error_set(err, SW_EDENIED, "", "only the proposer withdraws a decision");
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, id);
	int64_t got;
	struct sw_error e;
	if (db_run_id(q, &got, &e) == 0)
		return 0;
	if (e.code == SW_ENOTFOUND)
		return sw_error_set(err, SW_ECONFLICT, "status", "the decision is %s",
				    d.status == STORE_DECISION_AANVAARD ? "already accepted"
									 : "already withdrawn");
	if (err != NULL)
		*err = e;
	return -1;
}
