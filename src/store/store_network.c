/* store_network.c - the employer network: spelregels of network
 * employers, placement offers, zoekprofielen, and the one-scan loads that
 * fill the matcher's packed arrays. */
#include "store_int.h"

#include <stdlib.h>
#include <string.h>

#define MAX_DURATION_WEEKS 520

/* Every change of offers, and of profiles, counts here (migration 7). */
static int bump_rev(struct store *st, const char *kind, struct sw_error *err)
{
	static const char sql[] = "UPDATE network_rev SET rev = rev + 1 WHERE kind = $1";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_text(q, 1, kind);
	return db_run(q, err);
}

/* SW_EINVAL on field unless the organisation is of the network. */
static int check_network_org(struct store *st, int64_t org_id, const char *field,
			     struct sw_error *err)
{
	struct store_arena a = { 0 };
	struct store_org o;
	struct sw_error e;
	int rc = 0;
	if (store_org_get(st, &a, org_id, &o, &e) != 0) {
		rc = -1;
		if (e.code == SW_ENOTFOUND)
			sw_error_set(err, SW_ENOTFOUND, field, "no such organisation");
		else if (err != NULL)
			*err = e;
	} else if (o.kind != STORE_ORG_NETWERK) {
		rc = sw_error_set(err, SW_EINVAL, field, "not an organisation of the network");
	}
	store_arena_free(&a);
	return rc;
}

static int check_coord(int has, int32_t lat, int32_t lon, struct sw_error *err)
{
	if (!has)
		return 0;
	if (lat < -90000000 || lat > 90000000)
		return sw_error_set(err, SW_EINVAL, "lat", "latitude must be -90..90");
	if (lon < -180000000 || lon > 180000000)
		return sw_error_set(err, SW_EINVAL, "lon", "longitude must be -180..180");
	return 0;
}

static int check_postcode(const char *pc, struct sw_error *err)
{
	int digits;
	if (!network_postcode_digits(pc, &digits))
		return sw_error_set(err, SW_EINVAL, "postcode", "not a Dutch postcode (1234 AB)");
	return 0;
}

static int check_hours(int min, int max, struct sw_error *err)
{
	if (max < 1 || max > MATCH_MAX_HOURS)
		return sw_error_set(err, SW_EINVAL, "hours_max", "1..%d hours per week",
				    MATCH_MAX_HOURS);
	if (min < 0 || min > max)
		return sw_error_set(err, SW_EINVAL, "hours_min", "0..hours_max");
	return 0;
}

static int check_skills(uint64_t skills, struct sw_error *err)
{
	const unsigned n = network_skill_count();
	if (n < 64 && (skills >> n) != 0)
		return sw_error_set(err, SW_EINVAL, "skills", "unknown skill");
	return 0;
}

static void bind_coord(struct db_stmt *q, int n, int has, int32_t lat, int32_t lon)
{
	if (has) {
		db_bind_int(q, n, lat);
		db_bind_int(q, n + 1, lon);
	} else {
		db_bind_null(q, n);
		db_bind_null(q, n + 1);
	}
}

static float coord_deg(int32_t e6)
{
	return (float)((double)e6 / 1e6);
}

/* ---- spelregels ---- */

static int read_conditions(struct db_stmt *q, struct store_arena *a, void *item,
			   struct sw_error *err)
{
	struct store_network_conditions *c = item;
	c->organisation_id = db_col_int(q, 0);
	c->ziekterisico = store_arena_strdup(a, db_col_text(q, 1));
	c->loonkosten_percentage = (int)db_col_int(q, 2);
	c->bij_terugval = store_arena_strdup(a, db_col_text(q, 3));
	c->intentie_dienstverband = (int)db_col_int(q, 4);
	c->contactpersoon = store_arena_strdup(a, db_col_text(q, 5));
	c->updated_at = store_arena_strdup(a, db_col_text(q, 6));
	if (c->ziekterisico == NULL || c->contactpersoon == NULL || c->updated_at == NULL ||
	    (c->bij_terugval == NULL && !db_col_isnull(q, 3)))
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

int store_network_conditions_put(struct store *st, const struct store_network_conditions *c,
				 struct sw_error *err)
{
	static const char del_sql[] = "DELETE FROM network_conditions WHERE organisation_id = $1";
	static const char sql[] =
		"INSERT INTO network_conditions (organisation_id, ziekterisico,"
		" loonkosten_percentage, bij_terugval, intentie_dienstverband, contactpersoon)"
		" VALUES ($1, $2, $3, $4, $5, $6)";
	if (c->ziekterisico == NULL || (strcmp(c->ziekterisico, "verzendende_werkgever") != 0 &&
					strcmp(c->ziekterisico, "ontvangende_werkgever") != 0))
		return sw_error_set(err, SW_EINVAL, "ziekterisico",
				    "verzendende_werkgever or ontvangende_werkgever");
	if (c->loonkosten_percentage < 0 || c->loonkosten_percentage > 100)
		return sw_error_set(err, SW_EINVAL, "loonkosten_percentage", "0..100");
	if ((unsigned)c->intentie_dienstverband > 1)
		return sw_error_set(err, SW_EINVAL, "intentie_dienstverband", "0 or 1");
	if (store_check_text(c->bij_terugval, STORE_MAX_TEXT, "bij_terugval", err) != 0 ||
	    store_check_required(c->contactpersoon, STORE_MAX_NAME, "contactpersoon", err) != 0 ||
	    check_network_org(st, c->organisation_id, "organisation_id", err) != 0)
		return -1;
	struct db *db = st->db;
	if (db_begin(db, DB_WRITE, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, del_sql, err);
	if (q == NULL)
		goto fail;
	db_bind_int(q, 1, c->organisation_id);
	if (db_run(q, err) != 0 || (q = store_stmt(st, sql, err)) == NULL)
		goto fail;
	db_bind_int(q, 1, c->organisation_id);
	db_bind_text(q, 2, c->ziekterisico);
	db_bind_int(q, 3, c->loonkosten_percentage);
	db_bind_text(q, 4, c->bij_terugval);
	db_bind_int(q, 5, c->intentie_dienstverband);
	db_bind_text(q, 6, c->contactpersoon);
	if (db_run(q, err) != 0)
		goto fail;
	return db_commit(db, err);
fail:
	db_rollback(db);
	return -1;
}

int store_network_conditions_get(struct store *st, struct store_arena *a, int64_t org_id,
				 struct store_network_conditions *out, struct sw_error *err)
{
	static const char sql[] =
		"SELECT organisation_id, ziekterisico, loonkosten_percentage, bij_terugval,"
		" intentie_dienstverband, contactpersoon, updated_at"
		" FROM network_conditions WHERE organisation_id = $1";
	return store_get_by_id(st, sql, org_id, a, read_conditions, out, "organisation_id", err);
}

/* ---- offers ---- */

#define OFFER_COLS                                                                        \
	"o.id, o.organisation_id, g.name, o.title, o.type, o.tasks, o.sector, o.hours_min," \
	" o.hours_max, o.postcode, o.lat_e6, o.lon_e6, o.demands, o.guidance,"             \
	" o.duration_weeks, o.instruments, o.features, o.skills, o.intent_to_hire,"        \
	" o.status, o.created_by, o.created_at, o.updated_at"

static int read_offer(struct db_stmt *q, struct store_arena *a, void *item, struct sw_error *err)
{
	struct store_offer *o = item;
	memset(o, 0, sizeof *o);
	o->id = db_col_int(q, 0);
	o->organisation_id = db_col_int(q, 1);
	o->organisation_name = store_arena_strdup(a, db_col_text(q, 2));
	o->title = store_arena_strdup(a, db_col_text(q, 3));
	if (match_type_parse(db_col_text(q, 4), &o->type) != 0 ||
	    network_levels_parse(db_col_text(q, 12), false, o->demands) != 0)
		return sw_error_set(err, SW_EINTERNAL, "", "offer %lld: malformed row",
				    (long long)o->id);
	o->tasks = store_arena_strdup(a, db_col_text(q, 5));
	o->sector = (unsigned)db_col_int(q, 6);
	o->hours_min = (int)db_col_int(q, 7);
	o->hours_max = (int)db_col_int(q, 8);
	o->postcode = store_arena_strdup(a, db_col_text(q, 9));
	o->has_coord = !db_col_isnull(q, 10) && !db_col_isnull(q, 11);
	o->lat_e6 = (int32_t)db_col_int(q, 10);
	o->lon_e6 = (int32_t)db_col_int(q, 11);
	o->guidance = (unsigned)db_col_int(q, 13);
	o->duration_weeks = (int)db_col_int(q, 14);
	o->instruments = (unsigned)db_col_int(q, 15);
	o->features = (unsigned)db_col_int(q, 16);
	o->skills = (uint64_t)db_col_int(q, 17);
	o->intent_to_hire = (int)db_col_int(q, 18);
	const char *status = db_col_text(q, 19);
	o->open = status != NULL && strcmp(status, "open") == 0;
	o->created_by = db_col_int(q, 20);
	o->created_at = store_arena_strdup(a, db_col_text(q, 21));
	o->updated_at = store_arena_strdup(a, db_col_text(q, 22));
	if (o->organisation_name == NULL || o->title == NULL || o->tasks == NULL ||
	    o->postcode == NULL || o->created_at == NULL || o->updated_at == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

static int check_offer(const struct store_offer *o, struct sw_error *err)
{
	if (store_check_required(o->title, STORE_MAX_NAME, "title", err) != 0 ||
	    store_check_required(o->tasks, STORE_MAX_TEXT, "tasks", err) != 0)
		return -1;
	if ((unsigned)o->type >= MATCH_TYPE__COUNT)
		return sw_error_set(err, SW_EINVAL, "type", "unknown offer type");
	if (o->sector >= NETWORK_SECTOR__COUNT)
		return sw_error_set(err, SW_EINVAL, "sector", "unknown sector");
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++)
		if (o->demands[i] < 0 || o->demands[i] > MATCH_LEVEL_MAX)
			return sw_error_set(err, SW_EINVAL, "demands", "levels are 0..3");
	if (o->guidance & ~(MATCH_GUIDANCE_BEGELEIDING | MATCH_GUIDANCE_JOBCOACH))
		return sw_error_set(err, SW_EINVAL, "guidance", "unknown guidance");
	if (o->duration_weeks < 0 || o->duration_weeks > MAX_DURATION_WEEKS)
		return sw_error_set(err, SW_EINVAL, "duration_weeks", "0..%d", MAX_DURATION_WEEKS);
	if (o->instruments >> MATCH_INSTRUMENT__COUNT)
		return sw_error_set(err, SW_EINVAL, "instruments", "unknown instrument");
	if (o->features >> MATCH_WISH__COUNT)
		return sw_error_set(err, SW_EINVAL, "features", "unknown feature");
	if ((unsigned)o->intent_to_hire > 1)
		return sw_error_set(err, SW_EINVAL, "intent_to_hire", "0 or 1");
	return check_hours(o->hours_min, o->hours_max, err) != 0 ||
			       check_postcode(o->postcode, err) != 0 ||
			       check_coord(o->has_coord, o->lat_e6, o->lon_e6, err) != 0 ||
			       check_skills(o->skills, err) != 0
		       ? -1
		       : 0;
}

/* Binds $2..$19 in the order of the offer columns after organisation_id. */
static void bind_offer(struct db_stmt *q, const struct store_offer *o)
{
	char demands[NETWORK_LEVELS_LEN + 1];
	network_levels_format(o->demands, demands);
	db_bind_text(q, 2, o->title);
	db_bind_text(q, 3, match_type_name(o->type));
	db_bind_text(q, 4, o->tasks);
	db_bind_int(q, 5, o->sector);
	db_bind_int(q, 6, o->hours_min);
	db_bind_int(q, 7, o->hours_max);
	db_bind_text(q, 8, o->postcode);
	bind_coord(q, 9, o->has_coord, o->lat_e6, o->lon_e6);
	db_bind_text(q, 11, demands);
	db_bind_int(q, 12, o->guidance);
	if (o->duration_weeks > 0)
		db_bind_int(q, 13, o->duration_weeks);
	else
		db_bind_null(q, 13);
	db_bind_int(q, 14, o->instruments);
	db_bind_int(q, 15, o->features);
	db_bind_int(q, 16, (int64_t)o->skills);
	db_bind_int(q, 17, o->intent_to_hire);
	db_bind_text(q, 18, o->open ? "open" : "gesloten");
}

int store_offer_insert(struct store *st, const struct store_offer *o, int64_t *id,
		       struct sw_error *err)
{
	static const char sql[] =
		"INSERT INTO placement_offers (organisation_id, title, type, tasks, sector,"
		" hours_min, hours_max, postcode, lat_e6, lon_e6, demands, guidance,"
		" duration_weeks, instruments, features, skills, intent_to_hire, status, created_by)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,"
		" $17, $18, $19) RETURNING id";
	if (check_offer(o, err) != 0 ||
	    check_network_org(st, o->organisation_id, "organisation_id", err) != 0 ||
	    store_user_exists(st, o->created_by, "created_by", err) != 0)
		return -1;
	struct db *db = st->db;
	if (db_begin(db, DB_WRITE, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		goto fail;
	db_bind_int(q, 1, o->organisation_id);
	bind_offer(q, o);
	db_bind_int(q, 19, o->created_by);
	if (db_run_id(q, id, err) != 0 || bump_rev(st, "offers", err) != 0)
		goto fail;
	return db_commit(db, err);
fail:
	db_rollback(db);
	return -1;
}

int store_offer_update(struct store *st, const struct store_offer *o, struct sw_error *err)
{
	static const char sql[] =
		"UPDATE placement_offers SET title = $2, type = $3, tasks = $4, sector = $5,"
		" hours_min = $6, hours_max = $7, postcode = $8, lat_e6 = $9, lon_e6 = $10,"
		" demands = $11, guidance = $12, duration_weeks = $13, instruments = $14,"
		" features = $15, skills = $16, intent_to_hire = $17, status = $18,"
		" updated_at = {{NOW}} WHERE id = $1 RETURNING id";
	if (check_offer(o, err) != 0)
		return -1;
	struct db *db = st->db;
	if (db_begin(db, DB_WRITE, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		goto fail;
	db_bind_int(q, 1, o->id);
	bind_offer(q, o);
	int64_t got;
	if (db_run_id(q, &got, err) != 0 || bump_rev(st, "offers", err) != 0)
		goto fail;
	return db_commit(db, err);
fail:
	db_rollback(db);
	return -1;
}

int store_offer_get(struct store *st, struct store_arena *a, int64_t id, struct store_offer *out,
		    struct sw_error *err)
{
	static const char sql[] = "SELECT " OFFER_COLS " FROM placement_offers o"
				  " JOIN organisations g ON g.id = o.organisation_id WHERE o.id = $1";
	return store_get_by_id(st, sql, id, a, read_offer, out, "id", err);
}

int store_offer_list(struct store *st, struct store_arena *a, int64_t org_id,
		     struct store_offer **out, size_t *n, struct sw_error *err)
{
	static const char sql[] = "SELECT " OFFER_COLS " FROM placement_offers o"
				  " JOIN organisations g ON g.id = o.organisation_id"
				  " WHERE o.organisation_id = $1 ORDER BY o.id";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, org_id);
	return store_collect(q, a, sizeof **out, read_offer, (void **)out, n, err);
}

static uint32_t pack_levels(const int levels[MATCH_CATEGORY__COUNT])
{
	uint32_t packed = 0;
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++)
		match_level_set(&packed, (enum match_category)i, levels[i]);
	return packed;
}

void store_offer_to_match(const struct store_offer *o, struct match_offer *out)
{
	match_offer_init(out);
	out->id = o->id;
	out->employer_id = o->organisation_id;
	out->demand = pack_levels(o->demands);
	out->type = (uint8_t)o->type;
	out->hours_min = (uint8_t)o->hours_min;
	out->hours_max = (uint8_t)o->hours_max;
	out->sector = (uint8_t)o->sector;
	if (o->has_coord) {
		out->lat = coord_deg(o->lat_e6);
		out->lon = coord_deg(o->lon_e6);
	}
	out->skills = o->skills;
	out->guidance = (uint8_t)o->guidance;
	out->instruments = (uint8_t)o->instruments;
	out->features = (uint8_t)o->features;
	out->intent_to_hire = (uint8_t)o->intent_to_hire;
}

/* ---- zoekprofielen ---- */

#define PROFILE_COLS                                                                     \
	"case_id, version, capacities, types, hours_min, hours_max, range_km, postcode,"  \
	" lat_e6, lon_e6, wishes, skills, sectors, instruments, birth_year,"              \
	" beroepsrichting, toelichting, updated_by, updated_at"

static int read_profile(struct db_stmt *q, struct store_arena *a, void *item,
			struct sw_error *err)
{
	struct store_zoekprofiel *z = item;
	memset(z, 0, sizeof *z);
	z->case_id = db_col_int(q, 0);
	z->version = (int)db_col_int(q, 1);
	if (network_levels_parse(db_col_text(q, 2), true, z->capacities) != 0)
		return sw_error_set(err, SW_EINTERNAL, "", "zoekprofiel %lld: malformed levels",
				    (long long)z->case_id);
	z->types = (unsigned)db_col_int(q, 3);
	z->hours_min = (int)db_col_int(q, 4);
	z->hours_max = (int)db_col_int(q, 5);
	z->range_km = (int)db_col_int(q, 6);
	z->postcode = store_arena_strdup(a, db_col_text(q, 7));
	z->has_coord = !db_col_isnull(q, 8) && !db_col_isnull(q, 9);
	z->lat_e6 = (int32_t)db_col_int(q, 8);
	z->lon_e6 = (int32_t)db_col_int(q, 9);
	z->wishes = (unsigned)db_col_int(q, 10);
	z->skills = (uint64_t)db_col_int(q, 11);
	z->sectors = (uint64_t)db_col_int(q, 12);
	z->instruments = (unsigned)db_col_int(q, 13);
	z->birth_year = (int)db_col_int(q, 14);
	z->beroepsrichting = store_arena_strdup(a, db_col_text(q, 15));
	z->toelichting = store_arena_strdup(a, db_col_text(q, 16));
	z->updated_by = db_col_int(q, 17);
	z->updated_at = store_arena_strdup(a, db_col_text(q, 18));
	if (z->postcode == NULL || z->updated_at == NULL ||
	    (z->beroepsrichting == NULL && !db_col_isnull(q, 15)) ||
	    (z->toelichting == NULL && !db_col_isnull(q, 16)))
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	return 0;
}

static int check_profile(const struct store_zoekprofiel *z, struct sw_error *err)
{
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++)
		if (z->capacities[i] < MATCH_LEVEL_UNKNOWN || z->capacities[i] > MATCH_LEVEL_MAX)
			return sw_error_set(err, SW_EINVAL, "capacities", "levels are 0..3 or unknown");
	if (z->types & ~MATCH_TYPES_ALL)
		return sw_error_set(err, SW_EINVAL, "types", "unknown offer type");
	if (z->range_km < 0 || z->range_km > MATCH_MAX_RANGE_KM)
		return sw_error_set(err, SW_EINVAL, "range_km", "0..%d", MATCH_MAX_RANGE_KM);
	if (z->wishes >> MATCH_WISH__COUNT)
		return sw_error_set(err, SW_EINVAL, "wishes", "unknown wish");
	if (z->instruments >> MATCH_INSTRUMENT__COUNT)
		return sw_error_set(err, SW_EINVAL, "instruments", "unknown instrument");
	if (z->sectors >> NETWORK_SECTOR__COUNT)
		return sw_error_set(err, SW_EINVAL, "sectors", "unknown sector");
	/* Plausibility against today is the API's (network_age_band). */
	if (z->birth_year != 0 && (z->birth_year < 1900 || z->birth_year > 2100))
		return sw_error_set(err, SW_EINVAL, "birth_year", "not a birth year");
	return check_hours(z->hours_min, z->hours_max, err) != 0 ||
			       check_postcode(z->postcode, err) != 0 ||
			       check_coord(z->has_coord, z->lat_e6, z->lon_e6, err) != 0 ||
			       check_skills(z->skills, err) != 0 ||
			       store_check_text(z->beroepsrichting, STORE_MAX_NAME, "beroepsrichting",
						err) != 0 ||
			       store_check_text(z->toelichting, STORE_MAX_TEXT, "toelichting", err) != 0
		       ? -1
		       : 0;
}

int store_zoekprofiel_put(struct store *st, const struct store_zoekprofiel *z,
			  struct sw_error *err)
{
	static const char version_sql[] = "SELECT version FROM zoekprofielen WHERE case_id = $1";
	static const char del_sql[] = "DELETE FROM zoekprofielen WHERE case_id = $1";
	static const char sql[] =
		"INSERT INTO zoekprofielen (case_id, version, capacities, types, hours_min,"
		" hours_max, range_km, postcode, lat_e6, lon_e6, wishes, skills, sectors,"
		" instruments, birth_year, beroepsrichting, toelichting, updated_by)"
		" VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16,"
		" $17, $18)";
	if (check_profile(z, err) != 0 || store_case_exists(st, z->case_id, "case_id", err) != 0 ||
	    store_user_exists(st, z->updated_by, "updated_by", err) != 0)
		return -1;
	char levels[NETWORK_LEVELS_LEN + 1];
	network_levels_format(z->capacities, levels);
	struct db *db = st->db;
	if (db_begin(db, DB_WRITE, err) != 0)
		return -1;
	struct db_stmt *q = store_stmt(st, version_sql, err);
	if (q == NULL)
		goto fail;
	db_bind_int(q, 1, z->case_id);
	int rc = db_next(q, err);
	if (rc < 0)
		goto fail;
	const int64_t version = rc > 0 ? db_col_int(q, 0) + 1 : 1;
	db_reset(q);
	if ((q = store_stmt(st, del_sql, err)) == NULL)
		goto fail;
	db_bind_int(q, 1, z->case_id);
	if (db_run(q, err) != 0 || (q = store_stmt(st, sql, err)) == NULL)
		goto fail;
	db_bind_int(q, 1, z->case_id);
	db_bind_int(q, 2, version);
	db_bind_text(q, 3, levels);
	db_bind_int(q, 4, z->types);
	db_bind_int(q, 5, z->hours_min);
	db_bind_int(q, 6, z->hours_max);
	db_bind_int(q, 7, z->range_km);
	db_bind_text(q, 8, z->postcode);
	bind_coord(q, 9, z->has_coord, z->lat_e6, z->lon_e6);
	db_bind_int(q, 11, z->wishes);
	db_bind_int(q, 12, (int64_t)z->skills);
	db_bind_int(q, 13, (int64_t)z->sectors);
	db_bind_int(q, 14, z->instruments);
	if (z->birth_year != 0)
		db_bind_int(q, 15, z->birth_year);
	else
		db_bind_null(q, 15);
	db_bind_text(q, 16, z->beroepsrichting);
	db_bind_text(q, 17, z->toelichting);
	db_bind_int(q, 18, z->updated_by);
	if (db_run(q, err) != 0 || bump_rev(st, "profiles", err) != 0)
		goto fail;
	return db_commit(db, err);
fail:
	db_rollback(db);
	return -1;
}

int store_zoekprofiel_get(struct store *st, struct store_arena *a, int64_t case_id,
			  struct store_zoekprofiel *out, struct sw_error *err)
{
	static const char sql[] = "SELECT " PROFILE_COLS " FROM zoekprofielen WHERE case_id = $1";
	return store_get_by_id(st, sql, case_id, a, read_profile, out, "zoekprofiel", err);
}

void store_zoekprofiel_to_match(const struct store_zoekprofiel *z, int64_t employer_id,
				struct match_candidate *out)
{
	match_candidate_init(out);
	out->id = z->case_id;
	out->employer_id = employer_id;
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++)
		match_candidate_set_capacity(out, (enum match_category)i, z->capacities[i]);
	out->types = (uint8_t)z->types;
	out->wishes = (uint8_t)z->wishes;
	out->hours_min = (uint8_t)z->hours_min;
	out->hours_max = (uint8_t)z->hours_max;
	out->range_km = (uint16_t)z->range_km;
	if (z->has_coord) {
		out->lat = coord_deg(z->lat_e6);
		out->lon = coord_deg(z->lon_e6);
	}
	out->skills = z->skills;
	out->sectors = z->sectors;
	out->instruments = (uint8_t)z->instruments;
}

/* ---- the matcher's loads ---- */

int store_network_fingerprint(struct store *st, struct store_network_fingerprint *out,
			      struct sw_error *err)
{
	static const char sql[] =
		"SELECT (SELECT rev FROM network_rev WHERE kind = 'offers'),"
		" (SELECT rev FROM network_rev WHERE kind = 'profiles'),"
		" (SELECT COUNT(*) FROM consents WHERE kind = 'zoekprofiel_netwerk'),"
		" (SELECT COALESCE(MAX(id), 0) FROM consents),"
		" (SELECT COUNT(revoked_on) FROM consents WHERE kind = 'zoekprofiel_netwerk'),"
		" (SELECT COUNT(*) FROM cases WHERE status = 'open')";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	const int rc = db_next(q, err);
	if (rc <= 0)
		return rc < 0 ? -1 : sw_error_set(err, SW_EINTERNAL, "", "no network revision");
	*out = (struct store_network_fingerprint){ db_col_int(q, 0), db_col_int(q, 1),
						   db_col_int(q, 2), db_col_int(q, 3),
						   db_col_int(q, 4), db_col_int(q, 5) };
	db_reset(q);
	return 0;
}

/* Reads every row of sql (bound with $1 = today if it uses it) with fn into
 * a malloc'ed array of size-byte items, streaming inside a read snapshot:
 * a million rows never sit in memory twice. */
typedef int (*pack_fn)(struct db_stmt *q, void *item);

static int load_packed(struct store *st, const char *sql, sw_date today, size_t size,
		       pack_fn fn, void **out, size_t *n, struct sw_error *err)
{
	struct db *db = st->db;
	char *items = NULL;
	size_t count = 0, cap = 0;
	*out = NULL;
	*n = 0;
	if (db_begin(db, DB_READ, err) != 0)
		return -1;
	struct db_stmt *q = db_prepare(db, sql, DB_STREAM, err);
	if (q == NULL) {
		db_rollback(db);
		return -1;
	}
	db_bind_date(q, 1, today);
	int rc;
	while ((rc = db_next(q, err)) == 1) {
		if (count == cap && store_grow(&items, &cap, count + 1, size) != 0) {
			rc = sw_error_set(err, SW_EINTERNAL, "", "out of memory");
			break;
		}
		if (fn(q, items + count * size) != 0) {
			rc = sw_error_set(err, SW_EINTERNAL, "", "malformed network row");
			break;
		}
		count++;
	}
	db_stmt_free(q);
	if (rc != 0 || db_commit(db, err) != 0) {
		if (rc != 0)
			db_rollback(db);
		free(items);
		return -1;
	}
	*out = items;
	*n = count;
	return 0;
}

static int pack_offer(struct db_stmt *q, void *item)
{
	struct match_offer *o = item;
	int demands[MATCH_CATEGORY__COUNT];
	match_offer_init(o);
	enum match_type type;
	if (network_levels_parse(db_col_text(q, 2), false, demands) != 0 ||
	    match_type_parse(db_col_text(q, 3), &type) != 0)
		return -1;
	o->id = db_col_int(q, 0);
	o->employer_id = db_col_int(q, 1);
	o->demand = pack_levels(demands);
	o->type = (uint8_t)type;
	o->hours_min = (uint8_t)db_col_int(q, 4);
	o->hours_max = (uint8_t)db_col_int(q, 5);
	o->sector = (uint8_t)db_col_int(q, 6);
	if (!db_col_isnull(q, 7) && !db_col_isnull(q, 8)) {
		o->lat = coord_deg((int32_t)db_col_int(q, 7));
		o->lon = coord_deg((int32_t)db_col_int(q, 8));
	}
	o->skills = (uint64_t)db_col_int(q, 9);
	o->guidance = (uint8_t)db_col_int(q, 10);
	o->instruments = (uint8_t)db_col_int(q, 11);
	o->features = (uint8_t)db_col_int(q, 12);
	o->intent_to_hire = (uint8_t)db_col_int(q, 13);
	return 0;
}

int store_offers_load(struct store *st, struct match_offer **out, size_t *n,
		      struct sw_error *err)
{
	/* $1 (today) is bound but unused: offers have no window. */
	static const char sql[] =
		"SELECT id, organisation_id, demands, type, hours_min, hours_max, sector,"
		" lat_e6, lon_e6, skills, guidance, instruments, features, intent_to_hire"
		" FROM placement_offers WHERE status = 'open' ORDER BY id";
	return load_packed(st, sql, DATE_NONE, sizeof **out, pack_offer, (void **)out, n, err);
}

static int pack_candidate(struct db_stmt *q, void *item)
{
	struct match_candidate *c = item;
	int levels[MATCH_CATEGORY__COUNT];
	match_candidate_init(c);
	if (network_levels_parse(db_col_text(q, 2), true, levels) != 0)
		return -1;
	c->id = db_col_int(q, 0);
	c->employer_id = db_col_int(q, 1);
	for (int i = 0; i < MATCH_CATEGORY__COUNT; i++)
		match_candidate_set_capacity(c, (enum match_category)i, levels[i]);
	c->types = (uint8_t)db_col_int(q, 3);
	c->hours_min = (uint8_t)db_col_int(q, 4);
	c->hours_max = (uint8_t)db_col_int(q, 5);
	c->range_km = (uint16_t)db_col_int(q, 6);
	if (!db_col_isnull(q, 7) && !db_col_isnull(q, 8)) {
		c->lat = coord_deg((int32_t)db_col_int(q, 7));
		c->lon = coord_deg((int32_t)db_col_int(q, 8));
	}
	c->wishes = (uint8_t)db_col_int(q, 9);
	c->skills = (uint64_t)db_col_int(q, 10);
	c->sectors = (uint64_t)db_col_int(q, 11);
	c->instruments = (uint8_t)db_col_int(q, 12);
	return 0;
}

int store_candidates_load(struct store *st, sw_date today, struct match_candidate **out,
			  size_t *n, struct sw_error *err)
{
	static const char sql[] =
		"SELECT z.case_id, c.organisation_id, z.capacities, z.types, z.hours_min,"
		" z.hours_max, z.range_km, z.lat_e6, z.lon_e6, z.wishes, z.skills, z.sectors,"
		" z.instruments FROM zoekprofielen z JOIN cases c ON c.id = z.case_id"
		" WHERE c.status = 'open' AND EXISTS (SELECT 1 FROM consents k"
		"  WHERE k.case_id = z.case_id AND k.kind = 'zoekprofiel_netwerk'"
		"  AND k.given_on <= $1 AND (k.revoked_on IS NULL OR k.revoked_on > $1))"
		" ORDER BY z.case_id";
	return load_packed(st, sql, today, sizeof **out, pack_candidate, (void **)out, n, err);
}

int store_network_consent(struct store *st, int64_t case_id, sw_date today, int *active,
			  struct sw_error *err)
{
	static const char sql[] =
		"SELECT 1 FROM consents k JOIN cases c ON c.id = k.case_id"
		" WHERE k.case_id = $1 AND c.status = 'open' AND k.kind = 'zoekprofiel_netwerk'"
		" AND k.given_on <= $2 AND (k.revoked_on IS NULL OR k.revoked_on > $2)";
	struct db_stmt *q = store_stmt(st, sql, err);
	if (q == NULL)
		return -1;
	db_bind_int(q, 1, case_id);
	db_bind_date(q, 2, today);
	const int rc = db_next(q, err);
	if (rc < 0)
		return -1;
	if (rc > 0)
		db_reset(q);
	*active = rc;
	return 0;
}
