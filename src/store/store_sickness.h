/* store_sickness.h - the sickness mutations of a case (core/sickness.h)
 * and what follows from them in the same transaction: the derived sick
 * periods, the case's status (open, gesloten, ingetrokken), end reason and
 * expected recovery, and the deadlines. */
#ifndef SW_STORE_SICKNESS_H
#define SW_STORE_SICKNESS_H

#include "core/sickness.h"
#include "store/store_base.h"

struct store_sickness {
	struct sick_mutation m;          /* m.id is the row's id */
	int64_t case_id;
	const char *reason;              /* required for correctie and intrekking */
	const char *source;              /* "portal", "import", "migratie", "sivi" */
	int64_t recorded_by;             /* 0: not known (migrated) */
	const char *recorded_role;       /* "casemanager", "werkgever", ... */
	const char *recorded_by_name;    /* read only; NULL: not known or removed */
	const char *created_at;
};

/* The case's mutations by id. */
int store_sickness_list(struct store *st, struct store_arena *a, int64_t case_id,
			struct store_sickness **out, size_t *n, struct sw_error *err);

/* Records s in one transaction with its consequences (store_sickness_apply);
 * a history the derivation refuses is SW_EINVAL naming the field, and
 * nothing is stored. *state (if not NULL) is the state after it. */
int store_sickness_record(struct store *st, const struct store_sickness *s, sw_date today,
			  int64_t *id, struct sick_state *state, struct sw_error *err);

/* Derives the case anew from its stored mutations: rewrites its
 * sick_periods, sets status, end_reason and expected_recovery, refreshes
 * the deadlines for today. Called inside a transaction. */
int store_sickness_apply(struct store *st, int64_t case_id, sw_date today,
			 struct sick_state *state, struct sw_error *err);

#endif
