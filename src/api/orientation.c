/* orientation.c - POST /api/v1/cases/{id}/early-second-track: the
 * bedrijfsarts or the arbeidsdeskundige marks in year 1 that return to the
 * own job is unlikely (DOMAIN.md section 1: the second track starts too
 * late). The mark is a timeline event with the reason as its note; the
 * engine then adds the orientation phase (an arbeidsdeskundig onderzoek and
 * the start of orientation activities, rules.c) and opens the second track
 * early, and the signals follow. */
#include "api.h"

#include <stdlib.h>
#include <string.h>

#include "export/timeline_json.h"
#include "http/http_json.h"

static int post_early_second_track(struct api_call *c, struct http_response *res,
				   struct sw_error *err)
{
	static const char *const fields[] = { "reden", "datum", NULL };
	int64_t id;
	struct api_case ac;
	if (api_param_id(c, "id", &id, err) != 0 ||
	    api_case_access(c, id, POLICY_DEADLINES, POLICY_WRITE, &ac, err) != 0)
		return -1;
	if (ac.role != ROLE_BEDRIJFSARTS && ac.role != ROLE_ARBEIDSDESKUNDIGE)
		return sw_error_set(err, SW_EDENIED, "",
				    "only the bedrijfsarts or the arbeidsdeskundige judges this");
	json_t *body = json_body_parse(c->req->body, c->req->body_len, err);
	if (body == NULL)
		return -1;
	int rc = -1;
	struct store_event e = { .case_id = id, .kind = TL_EV_TERUGKEER_ONWAARSCHIJNLIJK,
				 .date = c->today, .created_by = c->user->id };
	struct tl_timeline *tl = NULL;
	if (json_fields_allowed(body, fields, err) != 0 ||
	    /* 1000 characters fit the store's 4000 bytes of a note. */
	    json_field_string(body, "reden", JSON_FIELD_REQUIRED, 1000, &e.note, err) < 0 ||
	    json_field_date(body, "datum", JSON_FIELD_OPTIONAL, &e.date, err) < 0)
		goto out;
	if (e.note[strspn(e.note, " \t\r\n")] == '\0') {
		sw_error_set(err, SW_EINVAL, "reden", "required");
		goto out;
	}
	if (e.date > c->today) {
		sw_error_set(err, SW_EINVAL, "datum", "must not be in the future");
		goto out;
	}
	if (api_case_timeline(c, id, &tl, err) != 0)
		goto out;
	if (tl == NULL) {
		sw_error_set(err, SW_ECONFLICT, "id", "the case has no sick period yet");
		goto out;
	}
	if (tl->orientation != DATE_NONE) {
		sw_error_set(err, SW_ECONFLICT, "id", "the orientation phase is already under way");
		goto out;
	}
	free(tl);
	tl = NULL;
	struct db *db = store_db(c->st);
	if (db_begin(db, DB_WRITE, err) != 0)
		goto out;
	/* Whether the mark falls in year 1 is the engine's to say. */
	if (store_event_insert(c->st, &e, &e.id, err) != 0 ||
	    api_case_timeline(c, id, &tl, err) != 0 ||
	    store_case_refresh_deadlines(c->st, id, c->today, err) != 0) {
		db_rollback(db);
		goto out;
	}
	if (tl == NULL || tl->orientation == DATE_NONE) {
		db_rollback(db);
		sw_error_set(err, SW_EINVAL, "datum",
			     "an early second track is marked in the first year of sickness only");
		goto out;
	}
	if (db_commit(db, err) != 0)
		goto out;
	json_t *o = timeline_json(tl, c->today);
	rc = o != NULL ? http_response_json(res, 201, o, err)
		       : sw_error_set(err, SW_EINTERNAL, "", "out of memory");
out:
	free(tl);
	json_decref(body);
	return rc;
}

int api_orientation_register(struct router *r, struct api_app *app, struct sw_error *err)
{
	return api_route(r, app, "POST", "/api/v1/cases/{id}/early-second-track",
			 post_early_second_track, err);
}
