/* cases.c - /api/v1/cases: the caller's cases, the sick report
 * (ziekmelding), sick periods, the computed deadlines and the
 * case's access log. Every case endpoint goes through api_case_access,
 * which checks the policy and writes the audit row. */
#include "api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export/timeline_json.h"
#include "http/http_json.h"

#define PER_PAGE_DEFAULT 50
#define PER_PAGE_MAX 100
#define ACCESS_LOG_LIMIT 500

/* {id, name} of a user; a vanished user is null. */
static json_t *user_ref(struct api_call *c, int64_t id, struct sw_error *err)
{
	struct store_user u;
	struct sw_error e;
	if (store_user_get(c->st, &c->arena, id, &u, &e) != 0) {
		if (e.code == SW_ENOTFOUND)
			return json_null();
		if (err != NULL)
			*err = e;
		return NULL;
	}
	return json_pack("{s:I, s:s}", "id", (json_int_t)u.id, "name", u.name);
}

static json_t *org_ref(struct api_call *c, int64_t id, struct sw_error *err)
{
	struct store_org o;
	if (store_org_get(c->st, &c->arena, id, &o, err) != 0)
		return NULL;
	return json_pack("{s:I, s:s}", "id", (json_int_t)o.id, "name", o.name);
}

static json_t *opt_string(const char *s)
{
	return s != NULL ? json_string(s) : json_null();
}

static int oom(struct sw_error *err)
{
	return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
}

/* A derived sick period (a segment of one percentage). percent keeps its
 * whole-number meaning for older readers; percent_exact has the decimals. */
static json_t *period_json(const struct store_period *p)
{
	return json_pack("{s:I, s:o, s:o, s:i, s:f, s:b}", "id", (json_int_t)p->id, "from",
			 json_date(p->from), "to", json_date(p->to), "percent", p->percent,
			 "percent_exact", p->percent_bp / 100.0, "zwangerschap", p->zwangerschap != 0);
}

/* The employee of a case: the person's name, the account's id (null when
 * the person has none), and the person's id. */
static json_t *employee_json(const struct store_case *k, const char *name)
{
	return json_pack("{s:o, s:s, s:I}", "id",
			 k->employee_id != 0 ? json_integer(k->employee_id) : json_null(), "name",
			 name, "person_id", (json_int_t)k->person_id);
}

/* The caller's role: a case role, or "leidinggevende" (an organisation
 * role without one). */
static json_t *my_role_json(enum role role)
{
	return json_string(role < ROLE__COUNT ? role_name(role) : "leidinggevende");
}

/* ---- GET /api/v1/cases -------------------------------------------------- */

/* The list item of a case: current week and first sick day computed from
 * the loaded history, the next step and the overdue count from the
 * materialised deadlines. */
static json_t *case_item(struct api_call *c, const struct store_case *k, enum role role,
			 const struct store_case_page_item *it, struct sw_error *err)
{
	json_t *first = json_null(), *week = json_null();
	const struct tl_ruleset *rules = rules_latest();
	if (it->input.nperiods > 0) {
		struct tl_input ti;
		struct tl_timeline *tl = malloc(sizeof *tl);
		if (tl == NULL)
			return oom(err), NULL;
		store_case_input_tl(&it->input, c->today, &ti);
		if (tl_compute(&ti, tl, NULL) == TL_OK) {
			first = json_date(tl->case_start);
			week = json_integer(tl->week);
			rules = tl->rules;
		}
		free(tl);
	}
	const struct store_deadline *next = NULL;
	int overdue = 0;
	for (size_t i = 0; i < it->ndeadlines; i++) {
		const struct store_deadline *d = &it->deadlines[i];
		const enum tl_status s = d->d.status;
		if (s == TL_TE_LAAT)
			overdue++;
		if ((s == TL_TE_LAAT || s == TL_OPEN || s == TL_GEPLAND) &&
		    (next == NULL || d->d.due_effective < next->d.due_effective))
			next = d;
	}
	json_t *jnext = json_null();
	if (next != NULL) {
		const struct tl_step *step = &rules->steps[next->d.code];
		jnext = json_pack("{s:s, s:s, s:o, s:s}", "code", step->code, "title",
				  step->title_nl, "due_effective", json_date(next->d.due_effective),
				  "status", tl_status_name(next->d.status));
	}
	json_t *emp = it->employee_name != NULL ? employee_json(k, it->employee_name) : json_null();
	json_t *org = json_pack("{s:I, s:s}", "id", (json_int_t)k->organisation_id, "name",
				it->organisation_name != NULL ? it->organisation_name : "");
	json_t *o = json_pack("{s:I, s:o, s:o, s:s, s:o, s:o, s:o, s:o, s:i}", "id",
			      (json_int_t)k->id, "employee", emp, "organisation", org, "status",
			      store_case_status_name(k->status), "my_role", my_role_json(role),
			      "first_sick_day", first, "week", week, "next_deadline", jnext,
			      "overdue", overdue);
	if (o == NULL)
		oom(err);
	return o;
}

/* A case on the page, with the decision its audit row records. */
struct shown {
	const struct store_case *kase;
	enum role role;
	struct policy_decision d;
};

/* Reads everything in one snapshot with a fixed number of queries - the
 * caller's cases, their participations, then the page's summaries
 * (store_case_page_load) - and writes the page's audit rows afterwards in
 * one transaction, before answering: one commit per request instead of one
 * per listed case. */
static int list_cases(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	if (api_require_user(c, err) != 0)
		return -1;
	if (c->user->is_beheerder)
		return sw_error_set(err, SW_EDENIED, "", "%s",
				    policy_reason_name(POLICY_DENY_BEHEERDER));
	enum store_case_status status = STORE_CASE_STATUS__COUNT;
	const char *st = http_request_query(c->req, "status");
	if (st != NULL && (store_case_status_parse(st, &status) != 0 ||
			   status == STORE_CASE_INGETROKKEN))
		return sw_error_set(err, SW_EINVAL, "status", "must be open or gesloten");
	struct api_page pg;
	struct store_case_filter f = { .participant_id = c->user->id,
				       .q = http_request_query(c->req, "q") };
	if (api_page_parse(c, PER_PAGE_DEFAULT, PER_PAGE_MAX, &pg, err) != 0 ||
	    api_query_int(c, "department_id", 1, INT64_MAX, &f.department_id, err) != 0)
		return -1;
	if (f.q != NULL && strlen(f.q) > 100)
		return sw_error_set(err, SW_EINVAL, "q", "at most 100 characters");
	/* A casemanager or leidinggevende also sees the organisation's cases
	 * in scope, without a participation (the policy decides each). */
	unsigned roles = 0;
	if (c->user->organisation_id != 0 &&
	    store_org_roles_of(c->st, c->user->id, c->user->organisation_id, &roles, err) != 0)
		return -1;
	if (roles & (ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER) | ORG_ROLE_BIT(ORG_ROLE_LEIDINGGEVENDE)))
		f.or_organisation_id = c->user->organisation_id;
	struct shown *shown = store_arena_alloc(&c->arena, (size_t)pg.per_page * sizeof *shown);
	struct store_case_page_item *sums =
		store_arena_alloc(&c->arena, (size_t)pg.per_page * sizeof *sums);
	json_t *items = json_array();
	struct db *db = store_db(c->st);
	if (shown == NULL || sums == NULL || items == NULL) {
		json_decref(items);
		return oom(err);
	}
	if (db_begin(db, DB_READ, err) != 0) {
		json_decref(items);
		return -1;
	}
	struct store_case *ks;
	struct store_participation *ps;
	size_t nk, np, nshown = 0;
	int64_t total = 0;
	const int64_t skip = api_page_offset(&pg);
	if (store_case_list(c->st, &c->arena, &f, &ks, &nk, err) != 0 ||
	    store_participation_list_user(c->st, &c->arena, c->user->id, 0, &ps, &np, err) != 0)
		goto fail;
	for (size_t i = 0; i < nk; i++) {
		if (status != STORE_CASE_STATUS__COUNT && ks[i].status != status)
			continue;
		struct shown s = { .kase = &ks[i] };
		struct api_org_facts facts = { .roles = roles };
		if ((roles != 0 && ks[i].organisation_id == c->user->organisation_id &&
		     store_person_scope(c->st, c->user->id, ks[i].person_id, &facts.in_scope,
					&facts.in_team, err) != 0) ||
		    api_case_decide_among(c, &ks[i], ps, np,
					  ks[i].organisation_id == c->user->organisation_id ? &facts
											    : NULL,
					  POLICY_DOC_UNSPECIFIED, POLICY_DEADLINES, POLICY_READ, &s.d,
					  &s.role, err) != 0)
			goto fail;
		if (!s.d.allow)
			continue;  /* e.g. an ended participation: not the caller's case now */
		total++;
		if (total > skip && total <= skip + pg.per_page)
			shown[nshown++] = s;
	}
	/* The page's summaries in a fixed number of queries. */
	for (size_t i = 0; i < nshown; i++)
		sums[i] = (struct store_case_page_item){ .case_id = shown[i].kase->id };
	int rc = store_case_page_load(c->st, &c->arena, sums, nshown, err);
	for (size_t i = 0; rc == 0 && i < nshown; i++) {
		json_t *item = case_item(c, shown[i].kase, shown[i].role, &sums[i], err);
		if (item == NULL || json_array_append_new(items, item) != 0)
			rc = -1;
	}
	store_case_page_free(sums, nshown);
	if (rc != 0)
		goto fail;
	if (db_commit(db, err) != 0)
		goto out;
	/* One audit row per case shown: what the caller saw of it. */
	if (db_begin(db, DB_WRITE, err) != 0)
		goto out;
	for (size_t i = 0; i < nshown; i++)
		if (api_audit(c, shown[i].kase->id, shown[i].role, POLICY_DEADLINES, POLICY_READ,
			      shown[i].d, err) != 0)
			goto fail;
	if (db_commit(db, err) != 0)
		goto out;
	return api_page_respond(res, items, &pg, total, err);
fail:
	db_rollback(db);
out:
	json_decref(items);
	return -1;
}

/* ---- the case ------------------------------------------------------------ */

static json_t *case_json(struct api_call *c, const struct api_case *ac, struct sw_error *err)
{
	const struct store_case *k = &ac->kase;
	struct store_period *ps;
	struct store_participation *parts;
	size_t np, nparts;
	if (store_period_list(c->st, &c->arena, k->id, &ps, &np, err) != 0 ||
	    store_participation_list(c->st, &c->arena, k->id, &parts, &nparts, err) != 0)
		return NULL;
	json_t *periods = json_array(), *participants = json_array();
	struct store_person person;
	json_t *emp = store_person_get(c->st, &c->arena, k->person_id, &person, err) == 0
			      ? employee_json(k, person.name)
			      : NULL;
	json_t *org = emp != NULL ? org_ref(c, k->organisation_id, err) : NULL;
	json_t *cm = org != NULL ? (k->casemanager_id != 0 ? user_ref(c, k->casemanager_id, err)
							   : json_null())
				 : NULL;
	if (periods == NULL || participants == NULL || emp == NULL || org == NULL || cm == NULL)
		goto fail;
	for (size_t i = 0; i < np; i++)
		json_array_append_new(periods, period_json(&ps[i]));
	for (size_t i = 0; i < nparts; i++) {
		json_t *u = user_ref(c, parts[i].user_id, err);
		if (u == NULL)
			goto fail;
		json_array_append_new(participants,
				      json_pack("{s:o, s:s, s:o, s:o}", "user", u, "role",
						role_name(parts[i].role), "from",
						json_date(parts[i].from), "until",
						json_date(parts[i].until)));
	}
	json_t *o = json_pack(
		"{s:I, s:o, s:o, s:s, s:o, s:{s:o, s:o, s:o, s:o, s:b, s:b, s:b}, s:s, s:o, s:o,"
		" s:o, s:o, s:o, s:o, s:o, s:o}",
		"id", (json_int_t)k->id, "employee", emp, "organisation", org, "status",
		store_case_status_name(k->status), "my_role", my_role_json(ac->role), "ziekmelding",
		"contact_phone", opt_string(k->contact_phone), "contact_address",
		opt_string(k->contact_address), "verwachte_duur", opt_string(k->verwachte_duur),
		"lopende_afspraken", opt_string(k->lopende_afspraken), "vangnet", k->vangnet != 0,
		"arbeidsongeval", k->arbeidsongeval != 0, "derde_aansprakelijk",
		k->derde_aansprakelijk != 0, "created_at", k->created_at, "periods", periods,
		"participants", participants, "person",
		json_pack("{s:I, s:s, s:s}", "id", (json_int_t)person.id, "personnel_number",
			  person.personnel_number, "name", person.name),
		"employment_id", k->employment_id != 0 ? json_integer(k->employment_id) : json_null(),
		"casemanager", cm, "reported_role",
		store_reporter_name(k->reported_role) != NULL
			? json_string(store_reporter_name(k->reported_role))
			: json_null(),
		"expected_recovery", json_date(k->expected_recovery), "end_reason",
		opt_string(k->end_reason));
	if (o == NULL)
		oom(err);
	return o;
fail:
	json_decref(periods);
	json_decref(participants);
	json_decref(emp);
	json_decref(org);
	json_decref(cm);
	return NULL;
}

static int get_case(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_ZIEKMELDING, POLICY_READ, &ac, err) != 0)
		return -1;
	json_t *o = case_json(c, &ac, err);
	return o == NULL ? -1 : http_response_json(res, 200, o, err);
}

/* ---- the sick report ------------------------------------------------------- */

/* A first sick day may lie at most this far ahead (a planned operation is
 * reported the week before). */
#define REPORT_DAYS_AHEAD 7
/* Fewer than this many days fit between a recovery and a new report: the
 * same case (samentelling, DOMAIN.md section 4). */
#define SAMENTELLING_DAYS 28

struct report {
	struct store_person person;
	struct store_employment employment;
	struct api_org_facts facts;
	enum store_reporter as;
	sw_date first;
	int percent_bp;
	sw_date expected;
	int zwangerschap;
};

/* The person reported. Unknown and foreign persons alike are "no such
 * person": the answer does not tell which exist. */
static int report_person(struct api_call *c, const json_t *body, struct report *rp,
			 struct sw_error *err)
{
	int64_t person_id = 0;
	if (json_field_int(body, "person_id", JSON_FIELD_REQUIRED, 1, INT64_MAX, &person_id,
			   err) < 0)
		return -1;
	struct sw_error e;
	if (store_person_get(c->st, &c->arena, person_id, &rp->person, &e) != 0) {
		if (e.code != SW_ENOTFOUND) {
			if (err != NULL)
				*err = e;
			return -1;
		}
		return sw_error_set(err, SW_EINVAL, "person_id", "no such person in your organisation");
	}
	return 0;
}

/* Only a casemanager or leidinggevende of the person's organisation, or
 * the employee themselves (DOMAIN.md 2a): the policy's new report. */
static int report_allowed(struct api_call *c, struct report *rp, struct sw_error *err)
{
	if (api_org_facts(c, rp->person.organisation_id, rp->person.id, &rp->facts, err) != 0)
		return -1;
	const struct policy_case kase = { .org_id = rp->person.organisation_id,
					  .employee_user_id = rp->person.user_id };
	struct policy_request req;
	policy_request_init(&req);
	req.actor = (struct policy_actor){ .user_id = c->user->id,
					   .org_id = c->user->organisation_id,
					   .is_beheerder = c->user->is_beheerder };
	req.kase = &kase;
	req.resource = POLICY_ZIEKMELDING;
	req.action = POLICY_WRITE;
	req.new_report = true;
	req.org_roles = rp->facts.roles;
	req.in_scope = rp->facts.in_scope;
	req.in_team = rp->facts.in_team;
	req.today = c->today;
	const struct policy_decision d = policy_decide(&req);
	if (api_audit(c, 0, ROLE__COUNT, POLICY_ZIEKMELDING, POLICY_WRITE, d, err) != 0)
		return -1;
	if (!d.allow) {
		if (c->user->organisation_id != rp->person.organisation_id)
			return sw_error_set(err, SW_EINVAL, "person_id",
					    "no such person in your organisation");
		return sw_error_set(err, SW_EDENIED, "person_id",
				    "only a casemanager or leidinggevende, or the employee, reports"
				    " sickness");
	}
	rp->as = d.reason == POLICY_ALLOW_SELF ? STORE_REPORTED_WERKNEMER
		 : rp->facts.in_scope && (rp->facts.roles & ORG_ROLE_BIT(ORG_ROLE_CASEMANAGER))
			 ? STORE_REPORTED_CASEMANAGER
			 : STORE_REPORTED_LEIDINGGEVENDE;
	return 0;
}

/* The employment the sickness belongs to: the one named, else the one in
 * force on the first sick day. */
static int report_employment(struct api_call *c, const json_t *body, struct report *rp,
			     struct sw_error *err)
{
	int64_t eid = 0;
	struct store_employment *es;
	size_t n, in_force = 0;
	char d[DATE_STRLEN];
	if (json_field_int(body, "employment_id", JSON_FIELD_OPTIONAL, 1, INT64_MAX, &eid, err) < 0 ||
	    store_employment_list_person(c->st, &c->arena, rp->person.id, &es, &n, err) != 0)
		return -1;
	const struct store_employment *pick = NULL;
	for (size_t i = 0; i < n; i++) {
		const int on = es[i].from <= rp->first &&
			       (es[i].until == DATE_NONE || rp->first <= es[i].until);
		if (eid != 0 && es[i].id == eid) {
			if (!on) {
				date_format(es[i].from, d);
				return sw_error_set(err, SW_EINVAL, "first_sick_day",
						    "outside this employment (from %s)", d);
			}
			pick = &es[i];
		}
		if (eid == 0 && on) {
			in_force++;
			pick = &es[i];
		}
	}
	if (eid != 0 && pick == NULL)
		return sw_error_set(err, SW_EINVAL, "employment_id", "not an employment of this person");
	if (in_force > 1)
		return sw_error_set(err, SW_EINVAL, "employment_id",
				    "required: the person has %zu employments on that day", in_force);
	if (pick == NULL) {
		if (n == 0)
			return sw_error_set(err, SW_EINVAL, "person_id",
					    "the person has no employment in the register");
		date_format(es[0].from, d);
		return sw_error_set(err, SW_EINVAL, "first_sick_day",
				    "outside the person's employment (in service from %s)", d);
	}
	rp->employment = *pick;
	return 0;
}

/* 409 naming the open case: {"error":{code, field, message, case_id}}. */
static int conflict_open(struct http_response *res, int64_t case_id, struct sw_error *err)
{
	json_t *o = json_pack("{s:{s:s, s:s, s:s, s:I}}", "error", "code", "conflict", "field",
			      "person_id", "message",
			      "this employment already has an open case: open that case to record"
			      " a change or recovery",
			      "case_id", (json_int_t)case_id);
	return o != NULL ? http_response_json(res, 409, o, err) : oom(err);
}

/* A recovered case of this employment whose hersteldatum lies fewer than
 * 28 days before the new first sick day: reopened (samentelling). */
static int recent_case(struct api_call *c, const struct report *rp, int64_t *case_id,
		       struct sw_error *err)
{
	const struct store_case_filter f = { .person_id = rp->person.id };
	struct store_case *ks;
	size_t n;
	*case_id = 0;
	if (store_case_list(c->st, &c->arena, &f, &ks, &n, err) != 0)
		return -1;
	for (size_t i = n; i-- > 0;) {
		struct sick_state state;
		if (ks[i].employment_id != rp->employment.id || ks[i].status != STORE_CASE_GESLOTEN)
			continue;
		if (api_sickness_state(c, ks[i].id, &state, err) != 0)
			return -1;
		if (state.hersteldatum != DATE_NONE && rp->first > state.hersteldatum &&
		    rp->first - state.hersteldatum < SAMENTELLING_DAYS)
			*case_id = ks[i].id;
		return 0;
	}
	return 0;
}

/* The werknemer reported themselves: the casemanager reads it in the case's
 * messages (e-mail notifications are another issue). */
static int tell_casemanager(struct api_call *c, int64_t case_id, sw_date first,
			    struct sw_error *err)
{
	char d[DATE_STRLEN], body[256];
	int64_t id;
	date_format(first, d);
	snprintf(body, sizeof body,
		 "Ik heb mij ziek gemeld in Spoorwijzer. Mijn eerste ziektedag is %s.", d);
	const struct store_message m = { .case_id = case_id, .author_id = c->user->id,
					 .author_role = ROLE_WERKNEMER, .body = body };
	return store_message_insert(c->st, &m, &id, err);
}

/* Case (or the reopened one), participations and the ziekmelding mutation
 * with what follows from it: all or nothing. */
static int create_case(struct api_call *c, struct report *rp, struct store_case *k,
		       int64_t reopen, int64_t *id, struct sw_error *err)
{
	struct db *db = store_db(c->st);
	int64_t partid, mid;
	if (db_begin(db, DB_WRITE, err) != 0)
		return -1;
	*id = reopen;
	if (reopen == 0) {
		const struct store_participation wg = { .case_id = 0, .user_id = k->casemanager_id,
							.role = ROLE_WERKGEVER, .from = rp->first,
							.until = DATE_NONE };
		struct store_participation p = wg;
		if (store_case_insert(c->st, k, id, err) != 0)
			goto fail;
		p.case_id = *id;
		if (store_participation_insert(c->st, &p, &partid, err) != 0)
			goto fail;
		if (rp->person.user_id != 0) {
			p.user_id = rp->person.user_id;
			p.role = ROLE_WERKNEMER;
			if (store_participation_insert(c->st, &p, &partid, err) != 0)
				goto fail;
		}
	}
	const struct store_sickness s = {
		.case_id = *id, .source = "portal", .recorded_by = c->user->id,
		.recorded_role = store_reporter_name(rp->as),
		.m = { .kind = SICK_ZIEKMELDING, .action = SICK_NIEUW, .date = rp->first,
		       .percent_bp = rp->percent_bp, .expected_recovery = rp->expected,
		       .zwangerschap = rp->zwangerschap },
	};
	if (store_sickness_record(c->st, &s, c->today, &mid, NULL, err) != 0 ||
	    (rp->as == STORE_REPORTED_WERKNEMER && tell_casemanager(c, *id, rp->first, err) != 0))
		goto fail;
	return db_commit(db, err);
fail:
	db_rollback(db);
	return -1;
}

static int flag(const json_t *body, const char *key, int *out, struct sw_error *err)
{
	bool b = false;
	if (json_field_bool(body, key, JSON_FIELD_OPTIONAL, &b, err) < 0)
		return -1;
	*out = b ? 1 : 0;
	return 0;
}

/* The report's dates and percentage. */
static int report_values(struct api_call *c, const json_t *body, struct report *rp,
			 struct sw_error *err)
{
	double pct = 100;
	rp->expected = DATE_NONE;
	if (json_field_date(body, "first_sick_day", JSON_FIELD_REQUIRED, &rp->first, err) < 0 ||
	    json_field_date(body, "expected_recovery", JSON_FIELD_NULLABLE, &rp->expected, err) < 0 ||
	    api_field_percent(body, "percent", &pct, err) < 0 ||
	    sick_percent_bp(pct, 0, "percent", &rp->percent_bp, err) != 0 ||
	    flag(body, "zwangerschap", &rp->zwangerschap, err) != 0)
		return -1;
	if (rp->first > c->today + REPORT_DAYS_AHEAD)
		return sw_error_set(err, SW_EINVAL, "first_sick_day",
				    "more than %d days in the future", REPORT_DAYS_AHEAD);
	if (rp->expected != DATE_NONE && rp->expected <= rp->first)
		return sw_error_set(err, SW_EINVAL, "expected_recovery", "must be after the first sick day");
	return 0;
}

static int post_case(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	/* Only what the employer may record at a sick report (DOMAIN.md 3). */
	static const char *const fields[] = {
		"person_id", "employment_id", "first_sick_day", "percent",
		"expected_recovery", "zwangerschap", "contact_phone", "contact_address",
		"verwachte_duur", "lopende_afspraken", "vangnet", "arbeidsongeval",
		"derde_aansprakelijk", NULL,
	};
	if (api_require_user(c, err) != 0)
		return -1;
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	int64_t id, open_case, reopen;
	struct report rp = { 0 };
	struct store_case k = { .status = STORE_CASE_OPEN, .expected_recovery = DATE_NONE };
	if (json_fields_allowed(body, fields, err) != 0 ||
	    json_field_string(body, "contact_phone", JSON_FIELD_NULLABLE, 200, &k.contact_phone,
			      err) < 0 ||
	    json_field_string(body, "contact_address", JSON_FIELD_NULLABLE, 4000,
			      &k.contact_address, err) < 0 ||
	    json_field_string(body, "verwachte_duur", JSON_FIELD_NULLABLE, 200, &k.verwachte_duur,
			      err) < 0 ||
	    json_field_string(body, "lopende_afspraken", JSON_FIELD_NULLABLE, 4000,
			      &k.lopende_afspraken, err) < 0 ||
	    flag(body, "vangnet", &k.vangnet, err) != 0 ||
	    flag(body, "arbeidsongeval", &k.arbeidsongeval, err) != 0 ||
	    flag(body, "derde_aansprakelijk", &k.derde_aansprakelijk, err) != 0 ||
	    report_person(c, body, &rp, err) != 0 || report_allowed(c, &rp, err) != 0 ||
	    report_values(c, body, &rp, err) != 0 || report_employment(c, body, &rp, err) != 0 ||
	    store_case_open_of_employment(c->st, rp.employment.id, &open_case, err) != 0)
		goto out;
	if (open_case != 0) {
		rc = conflict_open(res, open_case, err);
		goto out;
	}
	k.organisation_id = rp.person.organisation_id;
	k.person_id = rp.person.id;
	k.employment_id = rp.employment.id;
	k.reported_by = c->user->id;
	k.reported_role = rp.as;
	k.casemanager_id = rp.as == STORE_REPORTED_CASEMANAGER ? c->user->id : 0;
	if (k.casemanager_id == 0 &&
	    store_org_casemanager_for(c->st, k.organisation_id, rp.person.department_id,
				      &k.casemanager_id, err) != 0)
		goto out;
	if (k.casemanager_id == 0) {
		sw_error_set(err, SW_ECONFLICT, "person_id",
			     "the organisation has no casemanager yet: ask its beheerder to give"
			     " someone the casemanager role");
		goto out;
	}
	if (recent_case(c, &rp, &reopen, err) != 0 || create_case(c, &rp, &k, reopen, &id, err) != 0)
		goto out;
	struct api_case ac;
	json_t *o;
	if (api_case_access(c, id, POLICY_ZIEKMELDING, POLICY_READ, &ac, err) != 0 ||
	    (o = case_json(c, &ac, err)) == NULL)
		goto out;
	rc = http_response_json(res, reopen != 0 ? 200 : 201, o, err);
out:
	json_decref(body);
	return rc;
}

/* ---- deadlines ------------------------------------------------------------ */

static int get_deadlines(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_DEADLINES, POLICY_READ, &ac, err) != 0)
		return -1;
	struct store_case_input in = { 0 };
	if (store_case_load_input(c->st, id, &in, err) != 0)
		return -1;
	json_t *o = NULL;
	if (in.nperiods == 0) {
		o = json_pack("{s:[]}", "deadlines");
	} else {
		struct tl_input ti;
		struct tl_timeline *tl = malloc(sizeof *tl);
		if (tl != NULL) {
			store_case_input_tl(&in, c->today, &ti);
			const enum tl_error e = tl_compute(&ti, tl, NULL);
			if (e == TL_OK)
				o = timeline_json_for(tl, c->today, ac.role);
			else
				sw_error_set(err, SW_EINTERNAL, "", "stored history rejected: %s",
					     tl_error_message(e));
			free(tl);
		} else {
			oom(err);
		}
	}
	store_case_input_free(&in);
	if (o == NULL)
		return -1;
	return http_response_json(res, 200, o, err);
}

/* ---- the access log ------------------------------------------------------------ */

static int get_access_log(struct api_call *c, struct http_response *res, struct sw_error *err)
{
	int64_t id;
	struct api_case ac;
	struct store_audit *rows;
	size_t n;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_ACCESS_LOG, POLICY_READ, &ac, err) != 0 ||
	    store_audit_list_case(c->st, &c->arena, id, ACCESS_LOG_LIMIT, &rows, &n, err) != 0)
		return -1;
	json_t *items = json_array();
	for (size_t i = 0; i < n; i++) {
		const struct store_audit *a = &rows[i];
		json_array_append_new(
			items, json_pack("{s:s, s:{s:I, s:o}, s:o, s:s, s:s, s:s}", "at", a->at,
					 "user", "id", (json_int_t)a->user_id, "name",
					 opt_string(a->user_name), "role", opt_string(a->role),
					 "action", a->action, "resource", a->resource, "outcome",
					 a->outcome));
	}
	return http_response_json(res, 200, json_pack("{s:o}", "items", items), err);
}

int api_cases_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	if (api_route(r, app, "GET", "/api/v1/cases", list_cases, err) != 0 ||
	    api_route(r, app, "POST", "/api/v1/cases", post_case, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/cases/{id}", get_case, err) != 0 ||
	    api_route(r, app, "GET", "/api/v1/cases/{id}/deadlines", get_deadlines, err) != 0 ||

	    api_route(r, app, "GET", "/api/v1/cases/{id}/access-log", get_access_log, err) != 0)
		return -1;
	return 0;
}
