/* pdf_melding.h - the data sheet for the 42-week report of long-term
 * sickness to UWV ("Ziekmelding langdurig zieke werknemer", Ziektewet art.
 * 38; docs/domain.md section 4): what the employer gives UWV, pre-filled,
 * on one A4 page.
 *
 * The model holds only functional and administrative facts: who, which
 * employer, since when, how much sick, how many hours, when due, who to
 * contact. It has no field for anything medical, so the sheet cannot carry
 * it; the werknemer gets the same sheet as their copy. */
#ifndef SW_PDF_MELDING_H
#define SW_PDF_MELDING_H

#include <stddef.h>

#include "core/date.h"
#include "core/error.h"

/* Strings are borrowed UTF-8; NULL or "" prints as "nog invullen". */
struct pdf_melding {
	const char *werknemer;           /* name as in the register */
	sw_date geboortedatum;           /* DATE_NONE: not recorded */
	const char *personeelsnummer;
	const char *werkgever;           /* the organisation's name */
	const char *loonheffingennummer; /* from the administratief document */
	sw_date eerste_ziektedag;
	int percent_bp;                  /* now; 0: recovered; -1: not known */
	double contract_hours;           /* per week; <= 0: not known */
	sw_date uiterlijk;               /* melding_uwv, moved past weekends and holidays */
	sw_date verzonden;               /* the melding_uwv event; DATE_NONE: not yet */
	const char *referentie;          /* given by UWV, or NULL */
	const char *contact;             /* the casemanager's name */
	const char *contact_email;
	sw_date generated_on;
};

/* Renders the sheet into a malloc'd buffer (free()); 0, or -1 with err. */
int pdf_melding_render(const struct pdf_melding *m, unsigned char **out, size_t *len,
		       struct sw_error *err);

/* "melding-uwv-de-vries-2026-02-03.pdf": the surname (the name after its
 * first word, or the only word) in lower-case ASCII (diacritics dropped to
 * the base letter, everything else a single "-"), and the first sick day.
 * Always terminated; fits in PDF_MELDING_NAME_MAX. */
#define PDF_MELDING_NAME_MAX 96
void pdf_melding_filename(const char *name, sw_date first_sick_day,
			  char buf[PDF_MELDING_NAME_MAX]);

#endif
