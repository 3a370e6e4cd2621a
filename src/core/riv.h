/* riv.h - is the re-integratieverslag complete? (Regeling procesgang art. 6,
 * DOMAIN.md section 5, parts (a)-(l)).
 *
 * The check runs from week 1, not week 91: for each part it says whether
 * the dossier already holds what the part needs, from when and by when it
 * is needed, and who provides it, so that gaps show long before the
 * employer compiles the report. Pure: the caller passes the dates of the
 * latest documents, the case's computed timeline and today; the result is
 * written into a caller-owned report.
 *
 * When parts are needed. Each part has a window [needed_from, due]. Before
 * the window a missing part is nog_niet_nodig; inside it, and after it,
 * missing is ontbreekt (te_laat set once due has passed). The windows come
 * from the timeline, so the versioned rules and an art. 24 extension move
 * them:
 *   (a)-(d) administrative data: from the first sick day, by the RIV date;
 *   (e) first sick day: always present (from the timeline);
 *   (f) probleemanalyse: the timeline's probleemanalyse step;
 *   (g) plan van aanpak: the timeline's plan van aanpak step; every
 *       bijstelling asked for (riv_input.pva_revision_asked) must exist
 *       and the latest version must be agreed;
 *   (h) eerstejaarsevaluatie: the timeline's eerstejaarsevaluatie step
 *       (opens in week 48, due at the end of week 52); the latest evaluation
 *       (voortgangsgesprek, eindevaluatie) from the opening of the RIV step
 *       (week 87) to the RIV date (week 91);
 *   (i)-(k) current judgements of the working relationship, of the
 *       bedrijfsarts and on suitable work: at most 3 calendar months old
 *       at the WIA application, so from that date minus 3 months to the
 *       RIV date;
 *   (l) the employee's own opinion, on the report as a whole: from the
 *       opening of the RIV step (week 87) to the RIV date (week 91).
 *
 * "3 months" is calendar months: a judgement dated D counts for a WIA
 * application on W when D >= W - 3 months, where W - 3 months is the same
 * day of the month three months earlier, or the last day of that month when
 * it is shorter (2027-05-31 - 3 months = 2027-02-28). The WIA application
 * date is the recorded application, else the wia_aanvraag deadline of the
 * timeline (which an extension moves). */
#ifndef SW_RIV_H
#define SW_RIV_H

#include "date.h"
#include "doc.h"
#include "timeline.h"

#define RIV_PARTS 12

enum riv_status {
	RIV_AANWEZIG = 0,     /* present and counting */
	RIV_ONTBREEKT,        /* needed now (or overdue) and not there */
	RIV_VEROUDERD,        /* there, but too old or a bijstelling is missing */
	RIV_NOG_NIET_NODIG,   /* its window has not opened yet */
	RIV_STATUS__COUNT
};

/* The latest document of one type in the dossier. */
struct riv_doc {
	sw_date date;         /* "datum" of the latest version of the latest document; DATE_NONE: none */
	int versions;         /* versions of that document (plan van aanpak: 1 + bijstellingen) */
	enum doc_approval_state approval; /* of that version */
};

struct riv_input {
	const struct tl_timeline *tl;       /* computed for the case, any today */
	struct riv_doc docs[DOC_TYPE__COUNT];
	/* Latest date on which a document asked for a bijstelling of the plan
	 * van aanpak (doc_asks_pva_revision); DATE_NONE when none did. */
	sw_date pva_revision_asked;
	sw_date today;
};

/* Long enough for the longest explanation with three long dates. */
#define RIV_UITLEG_MAX 480

struct riv_part {
	char letter;                 /* 'a' .. 'l' */
	enum riv_status status;
	unsigned docs;               /* DOC_BIT() set of the documents that feed it */
	unsigned roles;              /* ROLE_BIT() set of who provides it */
	sw_date date;                /* date of the document that counts (or was looked at); DATE_NONE */
	sw_date needed_from;         /* window opens */
	sw_date due;                 /* window closes: needed by then */
	int te_laat;                 /* missing or stale and today > due */
	/* Present now, but will no longer count when needed: the actueel
	 * oordeel (and (i), (k)) older than 3 months at the WIA application,
	 * the employee's opinion written before the closing phase. */
	int wordt_verouderd;
	char uitleg[RIV_UITLEG_MAX]; /* Dutch: what is there, what is missing, by when */
};

struct riv_report {
	struct riv_part parts[RIV_PARTS];
	int counts[RIV_STATUS__COUNT];
	int wordt_verouderd;         /* parts with wordt_verouderd set */
	int ready;                   /* all aanwezig, none wordt verouderd: ready for week 91 */
	sw_date riv_due;             /* the RIV deadline (end of week 91, or moved) */
	sw_date wia_date;            /* the WIA application date the judgements are measured at */
	sw_date fresh_from;          /* wia_date - 3 calendar months */
};

/* Sets every document to "none" and pva_revision_asked to DATE_NONE. */
void riv_input_init(struct riv_input *in);

/* Returns 0, or -1 when in->tl is NULL or lacks a step the check needs. */
int riv_check(const struct riv_input *in, struct riv_report *out);

/* date minus `months` calendar months, clamped to the end of a shorter
 * month; DATE_NONE stays DATE_NONE. */
sw_date riv_months_before(sw_date date, int months);

const char *riv_status_name(enum riv_status s);

/* Dutch heading of part 'a'..'l', NULL for any other letter. */
const char *riv_part_title(char letter);

#endif
