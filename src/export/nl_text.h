/* nl_text.h - Dutch wording shared by the document exports (PDF, iCalendar,
 * CSV): long dates, role labels and the parts of the re-integratieverslag.
 * Kept in one place so that the three renderings never disagree. */
#ifndef SW_NL_TEXT_H
#define SW_NL_TEXT_H

#include <stddef.h>

#include "core/date.h"
#include "core/role.h"

/* "30 september 2199" plus NUL fits with room to spare. */
#define NL_DATE_MAX 24

/* Writes a date as Dutch prose, "6 januari 2025" (no leading zero, month in
 * lower case as Dutch spelling wants); "" for DATE_NONE. */
void nl_date_long(sw_date date, char buf[NL_DATE_MAX]);

/* Capitalised label for people: "Bedrijfsarts", "Re-integratieprofessional". */
const char *nl_role_label(enum role r);

/* Joins the API names of a ROLE_BIT() set with ", " into buf (always
 * terminated when n > 0); returns the length it wanted, as snprintf does. */
size_t nl_roles_join(unsigned roles, char *buf, size_t n);

#endif
