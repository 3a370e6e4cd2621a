/* store_alerts.c - what the periodic alert to network employers (DOMAIN.md
 * section 6: they do not visit a platform themselves) has sent, so that
 * the next run lists only new candidates. */
#include "store_int.h"

int store_network_alert_sent(struct store *st, int64_t org_id, int64_t offer_id,
			     int64_t case_id, int *sent, struct sw_error *err)
{
	static const char sql[] = "SELECT 1 FROM network_alerts WHERE organisation_id = $1"
				  " AND offer_id = $2 AND case_id = $3";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, org_id);
	db_bind_int(q, 2, offer_id);
	db_bind_int(q, 3, case_id);
	const int rc = db_next(q, err);
	if (rc < 0)
		return -1;
	if (rc > 0)
		db_reset(q);
	*sent = rc > 0;
	return 0;
}

int store_network_alert_record(struct store *st, int64_t org_id, int64_t offer_id,
			       int64_t case_id, sw_date on, struct sw_error *err)
{
	static const char sql[] =
		"INSERT INTO network_alerts (organisation_id, offer_id, case_id, sent_on)"
		" VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING";
	if (on == DATE_NONE)
		return sw_error_set(err, SW_EINVAL, "on", "required");
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, org_id);
	db_bind_int(q, 2, offer_id);
	db_bind_int(q, 3, case_id);
	db_bind_date(q, 4, on);
	return db_run(q, err);
}
