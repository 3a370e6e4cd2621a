/* steps.h - how each step of the legal timeline is recorded, and by whom
 * (docs/domain.md sections 4 and 5).
 *
 * A step is completed either by a dossier document (its type's `completes`
 * event, doc_types.c) or by a bare event (POST /cases/{id}/events). The
 * registry says which, which extra fields the event form takes (the UWV
 * kenmerk of the 42-week melding and the WIA-aanvraag), which case roles may
 * record it as the law gives it, and whether it happens once per case. The
 * API enforces it and hands it to the portal, so that every step on the
 * timeline offers its own form to the right person.
 *
 * Pure: one static table, no allocation. */
#ifndef SW_STEPS_H
#define SW_STEPS_H

#include "doc.h"
#include "role.h"
#include "rules.h"
#include "timeline.h"

enum steps_via {
	STEPS_VIA_NONE = 0,     /* nobody records it (UWV's date, the end of the waiting time) */
	STEPS_VIA_DOCUMENT,     /* recorded by writing a dossier document */
	STEPS_VIA_EVENT,        /* recorded by POST .../events */
};

/* The fields of an event form, besides the kind. */
#define STEPS_F_DATE      0x01u
#define STEPS_F_REFERENCE 0x02u /* the kenmerk UWV gives, at most STEPS_REFERENCE_MAX */
#define STEPS_F_NOTE      0x04u

#define STEPS_REFERENCE_MAX 100

struct steps_info {
	enum tl_code code;
	enum steps_via via;
	enum doc_type document;    /* STEPS_VIA_DOCUMENT */
	enum tl_event_kind event;  /* STEPS_VIA_EVENT */
	unsigned fields;           /* STEPS_VIA_EVENT: STEPS_F_* set */
	unsigned recorders;        /* ROLE_BIT() set of the case roles that may record it */
	int once;                  /* 1: at most one per case; 0: repeats */
};

/* NULL for an unknown code. */
const struct steps_info *steps_info(enum tl_code code);

/* 1 when a participant in `role` may record the step. */
int steps_may_record(enum tl_code code, enum role role);

/* The step an event kind records directly (STEPS_VIA_EVENT), or NULL when
 * the kind is no step's event (uitstel, loonsanctie, ...: not governed by
 * the registry). */
const struct steps_info *steps_of_event(enum tl_event_kind kind);

/* The step a document type completes, or NULL. */
const struct steps_info *steps_of_document(enum doc_type type);

/* API values: "document", "event"; "" for STEPS_VIA_NONE. */
const char *steps_via_name(enum steps_via via);

/* Writes the API names of the event form's fields ("date", "reference",
 * "note") to out in that order; returns how many (at most 3). */
size_t steps_field_names(unsigned fields, const char *out[3]);

/* The roles of a set joined for a message ("werkgever of werknemer"),
 * written to buf (NUL-terminated, cut at size). */
void steps_roles_text(unsigned roles, char *buf, size_t size);

#endif
