/* timeline_json.h - the JSON shape of a computed timeline, shared by the
 * CLI (`timeline --json`) and the API (GET /cases/{id}/deadlines). */
#ifndef SW_TIMELINE_JSON_H
#define SW_TIMELINE_JSON_H

#include <jansson.h>

#include "core/role.h"
#include "core/timeline.h"

/* One deadline as an object; caller owns the reference. */
json_t *timeline_deadline_json(const struct tl_timeline *tl, const struct tl_deadline *d);

/* {"rule_version":..., "case_start":..., ..., "deadlines":[...]}; caller
 * owns the reference. */
json_t *timeline_json(const struct tl_timeline *tl, sw_date today);

/* How a step is recorded (src/core/steps.c): {"via":"document",
 * "document_type":...} or {"via":"event","event":...,"fields":[...]}; JSON
 * null for a step nobody records. Caller owns the reference. */
json_t *timeline_record_json(enum tl_code code);

/* 1 when a participant in viewer may record the step (ROLE__COUNT: no
 * case role, never): the registry's recorders, and for a document step
 * also the document type's authors. */
int timeline_may_record(enum tl_code code, enum role viewer);

/* timeline_json with, per deadline, "record" and the viewer's
 * "may_record": the API's GET /cases/{id}/deadlines. */
json_t *timeline_json_for(const struct tl_timeline *tl, sw_date today, enum role viewer);

/* A date as a JSON string, or JSON null for DATE_NONE. */
json_t *json_date(sw_date date);

#endif
