/* store_info.h - information module reads and shared decisions. */
#ifndef SW_STORE_INFO_H
#define SW_STORE_INFO_H

#include "store/store_base.h"

/* ---- information modules and shared decisions (store_info.c,
 * store_decision.c) ------------------------------------------------------- */

/* That user read information module `module` (a code of src/core/info.c)
 * in the case, and when (first read only). */
struct store_info_read {
	const char *module;
	const char *read_at;
};

/* Records the read once: reading again keeps the first read_at. The caller
 * checks that module is a known code. */
int store_info_read_mark(struct store *st, int64_t case_id, int64_t user_id, const char *module,
			 struct sw_error *err);
/* The user's reads in the case, by module code. */
int store_info_read_list(struct store *st, struct store_arena *a, int64_t case_id,
			 int64_t user_id, struct store_info_read **out, size_t *n,
			 struct sw_error *err);

/* A decision record of gedeelde besluitvorming: a party proposes, the
 * employee accepts (choosing an option) or asks to discuss; the other
 * parties agree or ask to discuss; every response is kept. */
enum store_decision_status {
	STORE_DECISION_VOORGESTELD = 0,
	STORE_DECISION_AANVAARD,
	STORE_DECISION_BESPROKEN,        /* the employee asked to discuss it */
	STORE_DECISION_INGETROKKEN,      /* withdrawn by the proposer */
	STORE_DECISION_STATUS__COUNT
};

enum store_decision_answer {
	STORE_DECISION_AKKOORD = 0,
	STORE_DECISION_BESPREKEN,
	STORE_DECISION_ANSWER__COUNT
};

/* API values: "voorgesteld", ...; "akkoord", "bespreken". */
const char *store_decision_status_name(enum store_decision_status s);
const char *store_decision_answer_name(enum store_decision_answer a);

#define STORE_DECISION_MIN_OPTIONS 2
#define STORE_DECISION_MAX_OPTIONS 6

struct store_decision_option {
	const char *label;               /* required */
	const char *pros;                /* NULL: none */
	const char *cons;                /* NULL: none */
};

struct store_decision_response {
	int64_t id;
	int64_t user_id;
	const char *user_name;           /* read back only; NULL if the user is gone */
	enum role role;
	enum store_decision_answer answer;
	int option_index;                /* 0-based; -1: none */
	const char *comment;             /* NULL: none; required to ask for discussion */
	const char *created_at;
};

struct store_decision {
	int64_t id;
	int64_t case_id;
	const char *question;
	int64_t proposed_by;
	const char *proposer_name;       /* read back only */
	enum role proposed_role;
	enum store_decision_status status;
	int chosen_option;               /* 0-based when aanvaard; -1 otherwise */
	sw_date decided_on;              /* day of acceptance; DATE_NONE otherwise */
	const char *created_at;
	struct store_decision_option *options;
	size_t noptions;
	struct store_decision_response *responses; /* oldest first; read back only */
	size_t nresponses;
};

/* Inserts a proposal (status voorgesteld) with its options. */
int store_decision_insert(struct store *st, const struct store_decision *d, int64_t *id,
			  struct sw_error *err);
int store_decision_get(struct store *st, struct store_arena *a, int64_t id,
		       struct store_decision *out, struct sw_error *err);
/* The case's decisions by id, each with options and responses. */
int store_decision_list(struct store *st, struct store_arena *a, int64_t case_id,
			struct store_decision **out, size_t *n, struct sw_error *err);
/* Adds response r (id, created_at ignored) to decision id, decided today.
 * The employee's akkoord needs an option and accepts the decision with it;
 * their bespreken sets it to besproken. Others' responses are recorded
 * only; an akkoord of theirs with an option after acceptance must name the
 * chosen one. A withdrawn decision, or an employee's second answer after
 * acceptance, is SW_ECONFLICT field "status". */
int store_decision_respond(struct store *st, int64_t id, const struct store_decision_response *r,
			   sw_date today, struct sw_error *err);
/* The proposer withdraws an open decision (not aanvaard): SW_ECONFLICT
 * field "status" otherwise, SW_EDENIED when user_id did not propose it. */
int store_decision_withdraw(struct store *st, int64_t id, int64_t user_id, struct sw_error *err);

#endif
