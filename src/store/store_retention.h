/* store_retention.h - what the retention run (spoorwijzer retention run)
 * reads and removes. Which cases may go is decided by core/retention; the
 * one query that finds their ends is here. */
#ifndef SW_STORE_RETENTION_H
#define SW_STORE_RETENTION_H

#include "core/retention.h"
#include "store/store_base.h"

/* A closed case and the ends its retention term runs from. */
struct store_retention_case {
	int64_t case_id;
	int64_t organisation_id;
	int64_t person_id;               /* the employee in the register */
	struct retention_input in;       /* years left 0: the caller's term */
};

/* Every closed or withdrawn case (status gesloten or ingetrokken) with its
 * ends: the last day of its last sick period (DATE_NONE while one is open;
 * the day it was created when it has none) and the end of the person's
 * employment with the case's organisation. Array in a, by case id. */
int store_retention_cases(struct store *st, struct store_arena *a,
			  struct store_retention_case **out, size_t *n, struct sw_error *err);

/* How much of a case there is (what the audit row names, never content). */
struct store_retention_counts {
	int64_t periods, events, documents, attachments, medical_notes, messages,
		participations, decisions, placements, consents;
};

/* The case's counts as they are now. */
int store_retention_count(struct store *st, int64_t case_id, struct store_retention_counts *out,
			  struct sw_error *err);

/* Removes the case and everything that hangs off it (the foreign keys
 * cascade: periods, events, deadlines, documents with their versions and
 * attachments, sealed medical notes, messages, consents, decisions, the
 * network's entries, placements and their monitoring) in one transaction
 * that also appends the audit row (user 0, resource "retention", what:
 * the counts in *removed; reason: the term that passed). The audit log
 * itself keeps the case's rows: it is not case data but the record of
 * who touched it. */
int store_retention_remove(struct store *st, int64_t case_id, sw_date due,
			   struct store_retention_counts *removed, struct sw_error *err);

#endif
