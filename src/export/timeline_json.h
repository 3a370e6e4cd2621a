/* timeline_json.h - the JSON shape of a computed timeline, shared by the
 * CLI (`timeline --json`) and the API (GET /cases/{id}/deadlines). */
#ifndef SW_TIMELINE_JSON_H
#define SW_TIMELINE_JSON_H

#include <jansson.h>

#include "core/timeline.h"

/* One deadline as an object; caller owns the reference. */
json_t *timeline_deadline_json(const struct tl_timeline *tl, const struct tl_deadline *d);

/* {"rule_version":..., "case_start":..., ..., "deadlines":[...]}; caller
 * owns the reference. */
json_t *timeline_json(const struct tl_timeline *tl, sw_date today);

/* A date as a JSON string, or JSON null for DATE_NONE. */
json_t *json_date(sw_date date);

#endif
