#include "timeline_json.h"

#include "core/holiday.h"
#include "core/role.h"
#include "core/steps.h"

json_t *json_date(sw_date date)
{
	if (date == DATE_NONE)
		return json_null();
	char buf[DATE_STRLEN];
	date_format(date, buf);
	return json_string(buf);
}

static json_t *roles_json(unsigned roles)
{
	json_t *arr = json_array();
	for (int r = 0; r < ROLE__COUNT; r++)
		if (roles & ROLE_BIT(r))
			json_array_append_new(arr, json_string(role_name((enum role)r)));
	return arr;
}

json_t *timeline_deadline_json(const struct tl_timeline *tl, const struct tl_deadline *d)
{
	const struct tl_step *step = &tl->rules->steps[d->code];
	json_t *o = json_object();
	json_object_set_new(o, "code", json_string(step->code));
	if (d->seq > 0)
		json_object_set_new(o, "seq", json_integer(d->seq));
	json_object_set_new(o, "title", json_string(step->title_nl));
	json_object_set_new(o, "due", json_date(d->due));
	json_object_set_new(o, "due_effective", json_date(d->due_effective));
	if (d->due_effective != d->due) {
		enum holiday h = holiday_of(d->due);
		json_object_set_new(o, "moved_for", json_string(h != HOLIDAY_NONE ? holiday_name(h) : "weekend"));
	}
	json_object_set_new(o, "opens", json_date(d->opens));
	json_object_set_new(o, "week", json_integer(d->week));
	json_object_set_new(o, "status", json_string(tl_status_name(d->status)));
	json_object_set_new(o, "done", json_date(d->done));
	json_object_set_new(o, "agreed_due", json_date(d->agreed_due));
	json_object_set_new(o, "responsible", roles_json(step->roles));
	json_object_set_new(o, "source", json_string(step->source));
	json_object_set_new(o, "rule_version", json_string(tl->rules->version));
	return o;
}

json_t *timeline_json(const struct tl_timeline *tl, sw_date today)
{
	json_t *o = json_object();
	json_object_set_new(o, "today", json_date(today));
	json_object_set_new(o, "rule_version", json_string(tl->rules->version));
	json_object_set_new(o, "case_start", json_date(tl->case_start));
	json_object_set_new(o, "recovered", json_date(tl->recovered));
	json_object_set_new(o, "ended", json_boolean(tl->ended));
	json_object_set_new(o, "sick_days", json_integer(tl->sick_days));
	json_object_set_new(o, "week", json_integer(tl->week));
	json_object_set_new(o, "extension_weeks", json_integer(tl->extension_weeks));
	json_object_set_new(o, "orientation_since", json_date(tl->orientation));
	json_t *arr = json_array();
	for (size_t i = 0; i < tl->n; i++)
		json_array_append_new(arr, timeline_deadline_json(tl, &tl->items[i]));
	json_object_set_new(o, "deadlines", arr);
	return o;
}

json_t *timeline_record_json(enum tl_code code)
{
	const struct steps_info *s = steps_info(code);
	if (s == NULL || s->via == STEPS_VIA_NONE)
		return json_null();
	if (s->via == STEPS_VIA_DOCUMENT)
		return json_pack("{s:s, s:s}", "via", "document", "document_type",
				 doc_type_name(s->document));
	const char *names[3];
	const size_t n = steps_field_names(s->fields, names);
	json_t *fields = json_array();
	for (size_t i = 0; i < n; i++)
		json_array_append_new(fields, json_string(names[i]));
	return json_pack("{s:s, s:s, s:o}", "via", "event", "event",
			 tl_event_kind_name(s->event), "fields", fields);
}

int timeline_may_record(enum tl_code code, enum role viewer)
{
	const struct steps_info *s = steps_info(code);
	if (s == NULL || !steps_may_record(code, viewer))
		return 0;
	/* The form is the document's: its authors decide too. */
	return s->via != STEPS_VIA_DOCUMENT || doc_may_author(s->document, viewer);
}

json_t *timeline_json_for(const struct tl_timeline *tl, sw_date today, enum role viewer)
{
	json_t *o = timeline_json(tl, today);
	json_t *arr = json_object_get(o, "deadlines");
	for (size_t i = 0; i < tl->n && i < json_array_size(arr); i++) {
		json_t *d = json_array_get(arr, i);
		json_object_set_new(d, "record", timeline_record_json(tl->items[i].code));
		json_object_set_new(d, "may_record",
				    json_boolean(timeline_may_record(tl->items[i].code, viewer)));
	}
	return o;
}
