/* migrate.c - versioned schema migrations.
 *
 * Each migration is applied once, in its own transaction together with its
 * row in schema_migrations, so a failed migration leaves no half schema.
 * The SQL is shared by both backends; {{TOKEN}}s (db.h) stand for what
 * differs. Never edit a released migration: add a new one. */
#include "store_int.h"

#include <stddef.h>

struct migration {
	int version;
	const char *sql;                 /* shared by both backends */
	/* Run after sql, in the same transaction, where the backends need
	 * different SQL (triggers); NULL: nothing more. */
	const char *dialect_sql[2];      /* [DB_SQLITE], [DB_POSTGRESQL] */
};

/* What a migration needs besides SQL, by version (a table of its own, so
 * that the migrations above keep their three-field shape). */
struct migration_extra {
	int version;
	/* SQLite rebuilds a table to drop a NOT NULL or change a CHECK: with
	 * foreign keys on, dropping the old table would cascade into every
	 * child. Set: the runner turns them off around the transaction and
	 * checks them (PRAGMA foreign_key_check) before the commit. */
	int sqlite_fk_off;
	/* Run last, in the same transaction, for what SQL cannot say (rows
	 * derived by core code); NULL: nothing. */
	int (*fn)(struct store *st, struct sw_error *err);
};

static const struct migration_extra extras[] = {
	{ 11, 1, store_migrate_sickness },
};

static const struct migration_extra *extra_of(int version)
{
	static const struct migration_extra none = { 0, 0, NULL };
	for (size_t i = 0; i < sizeof extras / sizeof extras[0]; i++)
		if (extras[i].version == version)
			return &extras[i];
	return &none;
}

/* Migration 11's columns of the rebuilt tables (SQLite builds them anew;
 * PostgreSQL alters in place to the same shape). */
#define EMPLOYMENT_COLUMNS                                                            \
	" id {{ID}},"                                                                  \
	" person_id BIGINT NOT NULL REFERENCES persons (id),"                          \
	" organisation_id BIGINT NOT NULL REFERENCES organisations (id),"              \
	" from_date {{DATE}} NOT NULL,"                                                \
	" until_date {{DATE}},"                                                        \
	" contract_hours DOUBLE PRECISION NOT NULL,"                                   \
	" norm_hours DOUBLE PRECISION NOT NULL,"                                       \
	" factor DOUBLE PRECISION NOT NULL CHECK (factor > 0 AND factor <= 1),"        \
	" functie TEXT,"                                                               \
	" CHECK (contract_hours > 0 AND contract_hours <= norm_hours),"                \
	" CHECK (until_date IS NULL OR until_date >= from_date)"
#define CASE_COLUMNS                                                                  \
	" id {{ID}},"                                                                  \
	" organisation_id BIGINT NOT NULL REFERENCES organisations (id),"              \
	" person_id BIGINT NOT NULL REFERENCES persons (id),"                          \
	" employment_id BIGINT REFERENCES employments (id),"                           \
	" casemanager_id BIGINT REFERENCES users (id),"                                \
	" reported_by BIGINT REFERENCES users (id),"                                   \
	" reported_role TEXT CHECK (reported_role IN ('casemanager', 'leidinggevende',"  \
	"  'werknemer', 'import')),"                                                   \
	" status TEXT NOT NULL DEFAULT 'open'"                                         \
	"  CHECK (status IN ('open', 'gesloten', 'ingetrokken')),"                     \
	" contact_phone TEXT,"                                                         \
	" contact_address TEXT,"                                                       \
	" verwachte_duur TEXT,"                                                        \
	" lopende_afspraken TEXT,"                                                     \
	" vangnet SMALLINT NOT NULL DEFAULT 0 CHECK (vangnet IN (0, 1)),"              \
	" arbeidsongeval SMALLINT NOT NULL DEFAULT 0 CHECK (arbeidsongeval IN (0, 1)),"  \
	" derde_aansprakelijk SMALLINT NOT NULL DEFAULT 0"                             \
	"  CHECK (derde_aansprakelijk IN (0, 1)),"                                     \
	" expected_recovery {{DATE}},"                                                 \
	" end_reason TEXT,"                                                            \
	" withdrawn_reason TEXT,"                                                      \
	" created_at {{TS}} NOT NULL DEFAULT {{NOW}}"
/* A migrated case's employment: the person's in force on the first sick
 * day, else the earliest; its casemanager: the werkgever participant in
 * force last. */
#define CASE_EMPLOYMENT(person)                                                       \
	"COALESCE((SELECT e.id FROM employments e WHERE e.person_id = " person         \
	"  AND e.from_date <= (SELECT MIN(s.from_date) FROM sick_periods s"            \
	"   WHERE s.case_id = c.id) ORDER BY e.from_date DESC LIMIT 1),"               \
	" (SELECT e.id FROM employments e WHERE e.person_id = " person                 \
	"  ORDER BY e.from_date LIMIT 1))"
#define CASE_MANAGER                                                                  \
	"(SELECT w.user_id FROM participations w WHERE w.case_id = c.id"              \
	" AND w.role = 'werkgever' ORDER BY (w.until_date IS NULL) DESC, w.from_date DESC," \
	" w.id DESC LIMIT 1)"
/* SQLite: the rebuilt table goes on counting where the old one was. */
#define KEEP_SEQUENCE(t)                                                              \
	"DELETE FROM sqlite_sequence WHERE name = '" t "_new';"                        \
	"INSERT INTO sqlite_sequence (name, seq) SELECT '" t "_new', seq"              \
	" FROM sqlite_sequence WHERE name = '" t "';"
#define REGISTER_INDEXES                                                              \
	"CREATE INDEX employments_org ON employments (organisation_id, person_id, from_date);" \
	"CREATE INDEX employments_person ON employments (person_id, from_date);"       \
	"CREATE INDEX cases_person ON cases (person_id, status);"

static const struct migration migrations[] = {
	{ 1,
	  /* AUTOINCREMENT ids ({{ID}}) are never reused: the audit log and
	   * exports refer to ids of cases that retention has deleted. */
	  "CREATE TABLE organisations ("
	  " id {{ID}},"
	  " name TEXT NOT NULL,"
	  " kind TEXT NOT NULL CHECK (kind IN ('werkgever', 'netwerk', 'arbodienst',"
	  "  're-integratiebedrijf')),"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}});"

	  "CREATE TABLE users ("
	  " id {{ID}},"
	  " email TEXT NOT NULL UNIQUE,"
	  " name TEXT NOT NULL,"
	  " password_hash TEXT,"
	  " organisation_id BIGINT REFERENCES organisations (id),"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}});"
	  "CREATE INDEX users_organisation ON users (organisation_id);"

	  /* Only what the employer may record at a sick report (AVG): no
	   * diagnosis, and whether - not which - a vangnet provision applies. */
	  "CREATE TABLE cases ("
	  " id {{ID}},"
	  " organisation_id BIGINT NOT NULL REFERENCES organisations (id),"
	  " employee_id BIGINT NOT NULL REFERENCES users (id),"
	  " status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'gesloten')),"
	  " contact_phone TEXT,"
	  " contact_address TEXT,"
	  " verwachte_duur TEXT,"
	  " lopende_afspraken TEXT,"
	  " vangnet SMALLINT NOT NULL DEFAULT 0 CHECK (vangnet IN (0, 1)),"
	  " arbeidsongeval SMALLINT NOT NULL DEFAULT 0 CHECK (arbeidsongeval IN (0, 1)),"
	  " derde_aansprakelijk SMALLINT NOT NULL DEFAULT 0"
	  "  CHECK (derde_aansprakelijk IN (0, 1)),"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}});"
	  "CREATE INDEX cases_organisation ON cases (organisation_id);"
	  "CREATE INDEX cases_employee ON cases (employee_id);"

	  "CREATE TABLE sick_periods ("
	  " id {{ID}},"
	  " case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
	  " from_date {{DATE}} NOT NULL,"
	  " to_date {{DATE}},"
	  " percent SMALLINT NOT NULL CHECK (percent BETWEEN 1 AND 100),"
	  " CHECK (to_date IS NULL OR to_date >= from_date));"
	  "CREATE INDEX sick_periods_case ON sick_periods (case_id, from_date);"

	  "CREATE TABLE participations ("
	  " id {{ID}},"
	  " case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
	  " user_id BIGINT NOT NULL REFERENCES users (id),"
	  " role TEXT NOT NULL CHECK (role IN ('werknemer', 'werkgever', 'bedrijfsarts',"
	  "  'arbeidsdeskundige', 're-integratieprofessional', 'netwerkwerkgever')),"
	  " from_date {{DATE}} NOT NULL,"
	  " until_date {{DATE}},"
	  " CHECK (until_date IS NULL OR until_date >= from_date));"
	  "CREATE INDEX participations_case ON participations (case_id);"
	  "CREATE INDEX participations_user ON participations (user_id);"

	  /* kind and code are checked by the store against the engine's names,
	   * which grow with the rules; a CHECK here would need a migration. */
	  "CREATE TABLE events ("
	  " id {{ID}},"
	  " case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
	  " kind TEXT NOT NULL,"
	  " event_date {{DATE}} NOT NULL,"
	  " value INTEGER NOT NULL DEFAULT 0,"
	  " note TEXT,"
	  " created_by BIGINT NOT NULL REFERENCES users (id),"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}});"
	  "CREATE INDEX events_case ON events (case_id, event_date);"

	  "CREATE TABLE deviations ("
	  " id {{ID}},"
	  " case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
	  " code TEXT NOT NULL,"
	  " agreed_due {{DATE}},"
	  " agreed_by_werkgever BIGINT NOT NULL REFERENCES users (id),"
	  " agreed_by_werknemer BIGINT NOT NULL REFERENCES users (id),"
	  " reason TEXT NOT NULL,"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}});"
	  "CREATE INDEX deviations_case ON deviations (case_id);"

	  /* The engine's result per case, rewritten by each refresh; pos keeps
	   * the engine's timeline order. */
	  "CREATE TABLE deadlines ("
	  " case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
	  " code TEXT NOT NULL,"
	  " seq INTEGER NOT NULL,"
	  " pos INTEGER NOT NULL,"
	  " due {{DATE}} NOT NULL,"
	  " due_effective {{DATE}} NOT NULL,"
	  " opens {{DATE}} NOT NULL,"
	  " done {{DATE}},"
	  " agreed_due {{DATE}},"
	  " status TEXT NOT NULL,"
	  " week INTEGER NOT NULL,"
	  " rule_version TEXT NOT NULL,"
	  " computed_on {{DATE}} NOT NULL,"
	  " PRIMARY KEY (case_id, code, seq));"
	  "CREATE INDEX deadlines_due ON deadlines (due_effective);",
	  { NULL, NULL } },
	{ 2,
	  /* Login: the beheerder flag, failed-login bookkeeping for the
	   * lockout, and server-side sessions. A session row holds only the
	   * digest of the cookie token (crypto_token_digest), so a leaked
	   * database or backup does not hand out live sessions. */
	  "ALTER TABLE users ADD COLUMN is_beheerder SMALLINT NOT NULL DEFAULT 0"
	  " CHECK (is_beheerder IN (0, 1));"
	  "ALTER TABLE users ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0;"
	  "ALTER TABLE users ADD COLUMN locked_until {{TS}};"

	  "CREATE TABLE sessions ("
	  " id {{ID}},"
	  " token_digest TEXT NOT NULL UNIQUE,"
	  " user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,"
	  " csrf_token TEXT NOT NULL,"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}},"
	  " expires_at {{TS}} NOT NULL,"
	  " last_seen_at {{TS}} NOT NULL DEFAULT {{NOW}});"
	  "CREATE INDEX sessions_user ON sessions (user_id);"
	  "CREATE INDEX sessions_expires ON sessions (expires_at);",
	  { NULL, NULL } },
	{ 3,
	  /* Who read or wrote what of a case (DOMAIN.md section 3), allowed
	   * or denied. No foreign keys: the log outlives users and cases that
	   * retention removes. role is NULL when the user had no participation;
	   * case_id NULL for what is not about one case. Append-only: the
	   * triggers below refuse UPDATE and DELETE in the database itself. */
	  "CREATE TABLE audit_log ("
	  " id {{ID}},"
	  " at {{TS}} NOT NULL DEFAULT {{NOW}},"
	  " user_id BIGINT NOT NULL,"
	  " role TEXT,"
	  " case_id BIGINT,"
	  " action TEXT NOT NULL CHECK (action IN ('read', 'write')),"
	  " resource TEXT NOT NULL,"
	  " what TEXT NOT NULL,"
	  " outcome TEXT NOT NULL CHECK (outcome IN ('allow', 'deny')),"
	  " reason TEXT NOT NULL,"
	  " client_addr TEXT NOT NULL);"
	  "CREATE INDEX audit_log_case ON audit_log (case_id, id);"
	  "CREATE INDEX audit_log_user ON audit_log (user_id, id);",
	  { [DB_SQLITE] =
		    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log"
		    " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;"
		    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log"
		    " BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;",
	    [DB_POSTGRESQL] =
		    "CREATE FUNCTION audit_log_append_only() RETURNS trigger"
		    " LANGUAGE plpgsql AS $$"
		    " BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;"
		    "CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log"
		    " FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();"
		    "CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log"
		    " FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();" } },
	{ 4,
	  /* Messages between the participants of a case. The body is free
	   * text the employer sees: the portal warns not to enter medical
	   * information. author_role is the role the author wrote in (a user
	   * may hold several). Consents of the employee (DOMAIN.md section 3):
	   * revocable, never deleted, checked on every access; granted_to
	   * names the bureau or care provider for the delen_ kinds. Both go
	   * with their case when retention removes it. */
	  "CREATE TABLE messages ("
	  " id {{ID}},"
	  " case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
	  " author_id BIGINT NOT NULL REFERENCES users (id),"
	  " author_role TEXT NOT NULL,"
	  " body TEXT NOT NULL,"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}});"
	  "CREATE INDEX messages_case ON messages (case_id, id);"

	  "CREATE TABLE consents ("
	  " id {{ID}},"
	  " case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
	  " kind TEXT NOT NULL CHECK (kind IN ('zoekprofiel_netwerk', 'delen_bureau',"
	  "  'delen_zorgverlener')),"
	  " granted_to TEXT,"
	  " given_on {{DATE}} NOT NULL,"
	  " revoked_on {{DATE}},"
	  " CHECK (revoked_on IS NULL OR revoked_on >= given_on));"
	  "CREATE INDEX consents_case ON consents (case_id, id);"
	  /* One consent in force per kind and recipient. */
	  "CREATE UNIQUE INDEX consents_open ON consents (case_id, kind, COALESCE(granted_to, ''))"
	  " WHERE revoked_on IS NULL;",
	  { NULL, NULL } },
	{ 5,
	  /* A beheerder deactivates an account instead of deleting it: the
	   * audit log and the cases keep referring to it. */
	  "ALTER TABLE users ADD COLUMN active SMALLINT NOT NULL DEFAULT 1"
	  " CHECK (active IN (0, 1));"

	  /* The medical domain (DOMAIN.md section 3), apart from everything
	   * else: only sealed boxes (libsodium secretbox, base64 of nonce, MAC
	   * and ciphertext) under a key kept outside the database, so neither
	   * the file, a dump nor a backup holds medical text. Notes are
	   * versions: a correction is a new note, never an UPDATE. */
	  "CREATE TABLE medical_notes ("
	  " id {{ID}},"
	  " case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
	  " author_id BIGINT NOT NULL REFERENCES users (id),"
	  " kind TEXT NOT NULL CHECK (kind IN ('diagnose', 'klachten', 'behandeling',"
	  "  'notitie', 'probleemanalyse_medisch')),"
	  " sealed TEXT NOT NULL,"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}});"
	  "CREATE INDEX medical_notes_case ON medical_notes (case_id, id);"

	  /* Invitations by a beheerder: the token is only in the accept URL
	   * handed out once; the table holds its digest. user_id is the
	   * account the accepted invitation created or activated. */
	  "CREATE TABLE invitations ("
	  " id {{ID}},"
	  " token_digest TEXT NOT NULL UNIQUE,"
	  " email TEXT NOT NULL,"
	  " name TEXT NOT NULL,"
	  " organisation_id BIGINT REFERENCES organisations (id),"
	  " is_beheerder SMALLINT NOT NULL DEFAULT 0 CHECK (is_beheerder IN (0, 1)),"
	  " created_by BIGINT NOT NULL REFERENCES users (id),"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}},"
	  " expires_at {{TS}} NOT NULL,"
	  " accepted_at {{TS}},"
	  " revoked_at {{TS}},"
	  " user_id BIGINT REFERENCES users (id));"
	  "CREATE INDEX invitations_email ON invitations (email);",
	  { [DB_SQLITE] =
		    "CREATE TRIGGER medical_notes_no_update BEFORE UPDATE ON medical_notes"
		    " BEGIN SELECT RAISE(ABORT, 'medical_notes are versions, not updated'); END;",
	    [DB_POSTGRESQL] =
		    "CREATE FUNCTION medical_notes_no_update() RETURNS trigger"
		    " LANGUAGE plpgsql AS $$"
		    " BEGIN RAISE EXCEPTION 'medical_notes are versions, not updated'; END $$;"
		    "CREATE TRIGGER medical_notes_no_update BEFORE UPDATE ON medical_notes"
		    " FOR EACH ROW EXECUTE FUNCTION medical_notes_no_update();" } },
	{ 6,
	  /* The dossier (DOMAIN.md section 5). A document has a type
	   * (core/doc) and versions; a version is never changed (triggers
	   * below), a bijstelling is the next version. content is a JSON
	   * object of the type's field values as core/doc validated them.
	   * doc_date is its "datum", kept apart for the re-integratieverslag
	   * check. An agreement is the employee's answer on one version.
	   * Events a document produced carry its id, so that the next version
	   * replaces them. Attachments are stored base64 (the driver speaks
	   * text) with their SHA-256 and size. A calendar feed row holds only
	   * the digest of the user's secret feed token, like sessions. */
	  "CREATE TABLE documents ("
	  " id {{ID}},"
	  " case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
	  " type TEXT NOT NULL,"
	  " created_by BIGINT NOT NULL REFERENCES users (id),"
	  " created_role TEXT NOT NULL,"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}});"
	  "CREATE INDEX documents_case ON documents (case_id, id);"

	  "CREATE TABLE document_versions ("
	  " id {{ID}},"
	  " document_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
	  " version INTEGER NOT NULL CHECK (version >= 1),"
	  " content TEXT NOT NULL,"
	  " doc_date {{DATE}} NOT NULL,"
	  " author_id BIGINT NOT NULL REFERENCES users (id),"
	  " author_role TEXT NOT NULL,"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}},"
	  " UNIQUE (document_id, version));"

	  "CREATE TABLE document_agreements ("
	  " id {{ID}},"
	  " version_id BIGINT NOT NULL UNIQUE REFERENCES document_versions (id) ON DELETE CASCADE,"
	  " user_id BIGINT NOT NULL REFERENCES users (id),"
	  " role TEXT NOT NULL,"
	  " agreed SMALLINT NOT NULL CHECK (agreed IN (0, 1)),"
	  " comment TEXT,"
	  " answered_on {{DATE}} NOT NULL,"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}});"

	  "ALTER TABLE events ADD COLUMN document_id BIGINT"
	  " REFERENCES documents (id) ON DELETE CASCADE;"
	  "CREATE INDEX events_document ON events (document_id);"

	  "CREATE TABLE document_attachments ("
	  " id {{ID}},"
	  " document_id BIGINT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,"
	  " content_type TEXT NOT NULL CHECK (content_type IN ('application/pdf', 'image/png',"
	  "  'image/jpeg')),"
	  " size BIGINT NOT NULL CHECK (size > 0),"
	  " sha256 TEXT NOT NULL,"
	  " data TEXT NOT NULL,"
	  " created_by BIGINT NOT NULL REFERENCES users (id),"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}});"
	  "CREATE INDEX document_attachments_document ON document_attachments (document_id);"

	  "CREATE TABLE calendar_feeds ("
	  " user_id BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,"
	  " token_digest TEXT NOT NULL UNIQUE,"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}});",
	  { [DB_SQLITE] =
		    "CREATE TRIGGER document_versions_no_update BEFORE UPDATE ON document_versions"
		    " BEGIN SELECT RAISE(ABORT, 'document versions are never changed'); END;",
	    [DB_POSTGRESQL] =
		    "CREATE FUNCTION document_versions_keep() RETURNS trigger"
		    " LANGUAGE plpgsql AS $$"
		    " BEGIN RAISE EXCEPTION 'document versions are never changed'; END $$;"
		    "CREATE TRIGGER document_versions_no_update BEFORE UPDATE ON document_versions"
		    " FOR EACH ROW EXECUTE FUNCTION document_versions_keep();" } },
	{ 7,
	  /* The employer network (DOMAIN.md section 6). Levels of the load
	   * categories are one string in match.h's category order ('0'..'3',
	   * '-' unknown; network_levels_parse); sets of types, wishes,
	   * instruments, skills and sectors are bit sets of the positions of
	   * their core vocabularies (match.h, network.h), which only grow.
	   * Coordinates are integer micro-degrees. network_rev counts the
	   * changes of offers and of zoekprofielen, so that a process can tell
	   * whether its in-memory copy for the matcher is still current.
	   *
	   * The spelregels defaults of a network employer: who carries the
	   * sickness risk, the share of the wage cost the receiver pays, what
	   * happens on relapse, intent to hire, the fixed contact person. */
	  "CREATE TABLE network_conditions ("
	  " organisation_id BIGINT PRIMARY KEY REFERENCES organisations (id),"
	  " ziekterisico TEXT NOT NULL CHECK (ziekterisico IN ('verzendende_werkgever',"
	  "  'ontvangende_werkgever')),"
	  " loonkosten_percentage SMALLINT NOT NULL CHECK (loonkosten_percentage BETWEEN 0 AND 100),"
	  " bij_terugval TEXT,"
	  " intentie_dienstverband SMALLINT NOT NULL CHECK (intentie_dienstverband IN (0, 1)),"
	  " contactpersoon TEXT NOT NULL,"
	  " updated_at {{TS}} NOT NULL DEFAULT {{NOW}});"

	  "CREATE TABLE placement_offers ("
	  " id {{ID}},"
	  " organisation_id BIGINT NOT NULL REFERENCES organisations (id),"
	  " title TEXT NOT NULL,"
	  " type TEXT NOT NULL CHECK (type IN ('detachering', 'proefplaatsing',"
	  "  'werkervaringsplaats', 'vacature')),"
	  " tasks TEXT NOT NULL,"
	  " sector SMALLINT NOT NULL,"
	  " hours_min SMALLINT NOT NULL,"
	  " hours_max SMALLINT NOT NULL,"
	  " postcode TEXT NOT NULL,"
	  " lat_e6 INTEGER,"
	  " lon_e6 INTEGER,"
	  " demands TEXT NOT NULL,"
	  " guidance SMALLINT NOT NULL DEFAULT 0,"
	  " duration_weeks SMALLINT,"
	  " instruments INTEGER NOT NULL DEFAULT 0,"
	  " features INTEGER NOT NULL DEFAULT 0,"
	  " skills BIGINT NOT NULL DEFAULT 0,"
	  " intent_to_hire SMALLINT NOT NULL DEFAULT 0 CHECK (intent_to_hire IN (0, 1)),"
	  " status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'gesloten')),"
	  " created_by BIGINT NOT NULL REFERENCES users (id),"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}},"
	  " updated_at {{TS}} NOT NULL DEFAULT {{NOW}},"
	  " CHECK (hours_min <= hours_max));"
	  "CREATE INDEX placement_offers_org ON placement_offers (organisation_id, id);"
	  "CREATE INDEX placement_offers_status ON placement_offers (status, id);"

	  /* One search profile per case, updated in place; version counts the
	   * updates. birth_year is for the teaser's age band only. */
	  "CREATE TABLE zoekprofielen ("
	  " case_id BIGINT PRIMARY KEY REFERENCES cases (id) ON DELETE CASCADE,"
	  " version INTEGER NOT NULL DEFAULT 1,"
	  " capacities TEXT NOT NULL,"
	  " types INTEGER NOT NULL DEFAULT 0,"
	  " hours_min SMALLINT NOT NULL,"
	  " hours_max SMALLINT NOT NULL,"
	  " range_km SMALLINT NOT NULL,"
	  " postcode TEXT NOT NULL,"
	  " lat_e6 INTEGER,"
	  " lon_e6 INTEGER,"
	  " wishes INTEGER NOT NULL DEFAULT 0,"
	  " skills BIGINT NOT NULL DEFAULT 0,"
	  " sectors BIGINT NOT NULL DEFAULT 0,"
	  " instruments INTEGER NOT NULL DEFAULT 0,"
	  " birth_year SMALLINT,"
	  " beroepsrichting TEXT,"
	  " toelichting TEXT,"
	  " updated_by BIGINT NOT NULL REFERENCES users (id),"
	  " updated_at {{TS}} NOT NULL DEFAULT {{NOW}},"
	  " CHECK (hours_min <= hours_max));"

	  /* A candidate (case) proposed for an offer and how far it got; the
	   * day of each stage reached. Not named placements: a placement is
	   * an entry at proefplaatsing, detachering or dienstverband, and
	   * durable monitoring links to it. */
	  "CREATE TABLE pipeline_entries ("
	  " id {{ID}},"
	  " case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
	  " offer_id BIGINT NOT NULL REFERENCES placement_offers (id),"
	  " stage TEXT NOT NULL CHECK (stage IN ('voorgesteld', 'kennismaking', 'proefplaatsing',"
	  "  'detachering', 'dienstverband', 'beeindigd')),"
	  " voorgesteld_on {{DATE}} NOT NULL,"
	  " kennismaking_on {{DATE}},"
	  " proefplaatsing_on {{DATE}},"
	  " detachering_on {{DATE}},"
	  " dienstverband_on {{DATE}},"
	  " beeindigd_on {{DATE}},"
	  " ended_reason TEXT,"
	  " CHECK ((stage = 'beeindigd') = (ended_reason IS NOT NULL)),"
	  " UNIQUE (case_id, offer_id));"
	  "CREATE INDEX pipeline_entries_offer ON pipeline_entries (offer_id);"

	  "CREATE TABLE pipeline_moves ("
	  " id {{ID}},"
	  " entry_id BIGINT NOT NULL REFERENCES pipeline_entries (id) ON DELETE CASCADE,"
	  " from_stage TEXT,"
	  " to_stage TEXT NOT NULL,"
	  " moved_on {{DATE}} NOT NULL,"
	  " moved_by BIGINT NOT NULL REFERENCES users (id),"
	  " role TEXT NOT NULL,"
	  " note TEXT,"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}});"
	  "CREATE INDEX pipeline_moves_entry ON pipeline_moves (entry_id, id);"

	  "CREATE TABLE network_rev (kind TEXT PRIMARY KEY CHECK (kind IN ('offers', 'profiles')),"
	  " rev BIGINT NOT NULL);"
	  "INSERT INTO network_rev (kind, rev) VALUES ('offers', 0), ('profiles', 0);",
	  { NULL, NULL } },
	{ 8,
	  /* Durable placement monitoring (DOMAIN.md section 7) and what the
	   * absence statistics need (section 9). pipeline_entry_id refers to
	   * the network pipeline of another migration: no foreign key yet. A
	   * placement names its employer as an organisation or, outside the
	   * installation, by name. Questionnaire answers are one row per
	   * factor; score NULL is "not applicable" (no subsidy). Employments
	   * give the available days and the deeltijdfactor; zwangerschap marks
	   * a pregnancy-related sick period (only whether, as with vangnet). */
	  "CREATE TABLE placements ("
	  " id {{ID}},"
	  " case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
	  " pipeline_entry_id BIGINT,"
	  " employer_org_id BIGINT REFERENCES organisations (id),"
	  " employer_name TEXT,"
	  " network TEXT,"
	  " kind TEXT NOT NULL CHECK (kind IN ('detachering', 'proefplaatsing',"
	  "  'werkervaringsplaats', 'dienstverband')),"
	  " start_date {{DATE}} NOT NULL,"
	  " end_date {{DATE}},"
	  " end_reason TEXT,"
	  " outcome TEXT NOT NULL DEFAULT 'lopend'"
	  "  CHECK (outcome IN ('lopend', 'beeindigd', 'doorgestroomd')),"
	  " contract_until {{DATE}},"
	  " subsidy_until {{DATE}},"
	  " hours_per_week SMALLINT NOT NULL DEFAULT 0 CHECK (hours_per_week BETWEEN 0 AND 60),"
	  " capacity_hours SMALLINT NOT NULL DEFAULT 0 CHECK (capacity_hours BETWEEN 0 AND 60),"
	  " t2_months SMALLINT NOT NULL DEFAULT 24,"
	  " t3_months SMALLINT NOT NULL DEFAULT 36,"
	  " created_by BIGINT NOT NULL REFERENCES users (id),"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}},"
	  " CHECK (employer_org_id IS NOT NULL OR employer_name IS NOT NULL),"
	  " CHECK (end_date IS NULL OR end_date >= start_date));"
	  "CREATE INDEX placements_case ON placements (case_id, id);"

	  "CREATE TABLE driegesprekken ("
	  " placement_id BIGINT PRIMARY KEY REFERENCES placements (id) ON DELETE CASCADE,"
	  " held_on {{DATE}} NOT NULL,"
	  " afspraken TEXT NOT NULL,"
	  " recorded_by BIGINT NOT NULL REFERENCES users (id),"
	  " recorded_at {{TS}} NOT NULL DEFAULT {{NOW}});"

	  "CREATE TABLE monitor_answers ("
	  " placement_id BIGINT NOT NULL REFERENCES placements (id) ON DELETE CASCADE,"
	  " moment TEXT NOT NULL CHECK (moment IN ('T0', 'T1', 'T2', 'T3')),"
	  " perspective TEXT NOT NULL"
	  "  CHECK (perspective IN ('werknemer', 'werkgever', 'arbeidsdeskundige')),"
	  " factor TEXT NOT NULL,"
	  " score SMALLINT CHECK (score BETWEEN 1 AND 5),"
	  " comment TEXT,"
	  " answered_by BIGINT NOT NULL REFERENCES users (id),"
	  " answered_at {{TS}} NOT NULL DEFAULT {{NOW}},"
	  " PRIMARY KEY (placement_id, moment, perspective, factor));"

	  "CREATE TABLE risk_signals ("
	  " id {{ID}},"
	  " placement_id BIGINT NOT NULL REFERENCES placements (id) ON DELETE CASCADE,"
	  " kind TEXT NOT NULL,"
	  " noted_on {{DATE}} NOT NULL,"
	  " ends_on {{DATE}},"
	  " note TEXT,"
	  " route TEXT NOT NULL,"
	  " follow_up {{DATE}} NOT NULL,"
	  " resolved_on {{DATE}},"
	  " noted_by BIGINT NOT NULL REFERENCES users (id),"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}});"
	  "CREATE INDEX risk_signals_placement ON risk_signals (placement_id, id);"

	  "CREATE TABLE development_goals ("
	  " id {{ID}},"
	  " placement_id BIGINT NOT NULL REFERENCES placements (id) ON DELETE CASCADE,"
	  " route TEXT NOT NULL,"
	  " goal TEXT NOT NULL,"
	  " reached SMALLINT CHECK (reached IN (0, 1)),"
	  " done_what TEXT,"
	  " done_by TEXT,"
	  " take_forward TEXT,"
	  " created_by BIGINT NOT NULL REFERENCES users (id),"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}});"
	  "CREATE INDEX development_goals_placement ON development_goals (placement_id, id);"

	  "CREATE TABLE employments ("
	  " id {{ID}},"
	  " user_id BIGINT NOT NULL REFERENCES users (id),"
	  " organisation_id BIGINT NOT NULL REFERENCES organisations (id),"
	  " from_date {{DATE}} NOT NULL,"
	  " until_date {{DATE}},"
	  " factor DOUBLE PRECISION NOT NULL CHECK (factor > 0 AND factor <= 1),"
	  " CHECK (until_date IS NULL OR until_date >= from_date));"
	  "CREATE INDEX employments_org ON employments (organisation_id, user_id, from_date);"
	  "ALTER TABLE sick_periods ADD COLUMN zwangerschap SMALLINT NOT NULL DEFAULT 0"
	  " CHECK (zwangerschap IN (0, 1));",
	  { NULL, NULL } },
	{ 9,
	  /* Read receipts of the information modules (src/core/info.c): who
	   * read which module in which case, once. Shared decisions
	   * (gedeelde besluitvorming): a question with options (pros and cons)
	   * proposed by a party, and every party's response, all kept; the
	   * employee's acceptance picks the chosen option. Everything goes with
	   * its case when retention removes it. */
	  "CREATE TABLE info_reads ("
	  " id {{ID}},"
	  " case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
	  " user_id BIGINT NOT NULL REFERENCES users (id),"
	  " module TEXT NOT NULL,"
	  " read_at {{TS}} NOT NULL DEFAULT {{NOW}},"
	  " UNIQUE (case_id, user_id, module));"

	  "CREATE TABLE decisions ("
	  " id {{ID}},"
	  " case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
	  " question TEXT NOT NULL,"
	  " proposed_by BIGINT NOT NULL REFERENCES users (id),"
	  " proposed_role TEXT NOT NULL,"
	  " status TEXT NOT NULL DEFAULT 'voorgesteld' CHECK (status IN ('voorgesteld', 'aanvaard',"
	  "  'besproken', 'ingetrokken')),"
	  " chosen_option INTEGER,"
	  " decided_on {{DATE}},"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}},"
	  " CHECK ((status = 'aanvaard') = (chosen_option IS NOT NULL)));"
	  "CREATE INDEX decisions_case ON decisions (case_id, id);"

	  "CREATE TABLE decision_options ("
	  " decision_id BIGINT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,"
	  " position INTEGER NOT NULL,"
	  " label TEXT NOT NULL,"
	  " pros TEXT,"
	  " cons TEXT,"
	  " PRIMARY KEY (decision_id, position));"

	  "CREATE TABLE decision_responses ("
	  " id {{ID}},"
	  " decision_id BIGINT NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,"
	  " user_id BIGINT NOT NULL REFERENCES users (id),"
	  " role TEXT NOT NULL,"
	  " answer TEXT NOT NULL CHECK (answer IN ('akkoord', 'bespreken')),"
	  " option_index INTEGER,"
	  " comment TEXT,"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}});"
	  "CREATE INDEX decision_responses_decision ON decision_responses (decision_id, id);",
	  { NULL, NULL } },
	{ 10,
	  /* The network pipeline feeds monitoring: a pipeline entry has at
	   * most one placement (the store creates it when the entry reaches
	   * proefplaatsing, detachering or dienstverband). Several NULLs (a
	   * placement entered directly) stay allowed in both dialects. */
	  "CREATE UNIQUE INDEX placements_pipeline_entry ON placements (pipeline_entry_id);"

	  /* The spelregels of one pipeline entry (DOMAIN.md section 6),
	   * prefilled from the organisation's network_conditions, and the
	   * agreement of each of the three parties (on_behalf: a professional
	   * of the case recorded the receiving employer's signed agreement);
	   * changing the rules withdraws every agreement (version + 1). */
	  "CREATE TABLE spelregels ("
	  " entry_id BIGINT PRIMARY KEY REFERENCES pipeline_entries (id) ON DELETE CASCADE,"
	  " version INTEGER NOT NULL,"
	  " ziekterisico TEXT NOT NULL"
	  "  CHECK (ziekterisico IN ('verzendende_werkgever', 'ontvangende_werkgever')),"
	  " loonkosten_percentage SMALLINT NOT NULL CHECK (loonkosten_percentage BETWEEN 0 AND 100),"
	  " bij_terugval TEXT NOT NULL,"
	  " intentie_dienstverband SMALLINT NOT NULL CHECK (intentie_dienstverband IN (0, 1)),"
	  " contactpersoon TEXT NOT NULL,"
	  " duur_weken SMALLINT NOT NULL CHECK (duur_weken BETWEEN 1 AND 104),"
	  " updated_by BIGINT NOT NULL REFERENCES users (id),"
	  " updated_at {{TS}} NOT NULL DEFAULT {{NOW}});"

	  "CREATE TABLE spelregels_akkoord ("
	  " entry_id BIGINT NOT NULL REFERENCES spelregels (entry_id) ON DELETE CASCADE,"
	  " party TEXT NOT NULL CHECK (party IN ('werkgever', 'netwerkwerkgever', 'werknemer')),"
	  " version INTEGER NOT NULL,"
	  " user_id BIGINT NOT NULL REFERENCES users (id),"
	  " on_behalf SMALLINT NOT NULL DEFAULT 0 CHECK (on_behalf IN (0, 1)),"
	  " agreed_at {{TS}} NOT NULL DEFAULT {{NOW}},"
	  " PRIMARY KEY (entry_id, party));"

	  /* What `spoorwijzer network alerts` sent each organisation: a
	   * candidate (case) for one of its offers is listed once. */
	  "CREATE TABLE network_alerts ("
	  " organisation_id BIGINT NOT NULL REFERENCES organisations (id),"
	  " offer_id BIGINT NOT NULL REFERENCES placement_offers (id),"
	  " case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
	  " sent_on {{DATE}} NOT NULL,"
	  " PRIMARY KEY (organisation_id, offer_id, case_id));",
	  { NULL, NULL } },
	{ 11,
	  /* The employer's organisation (DOMAIN.md 2a). Organisation roles on
	   * the account per organisation; a casemanager with department rows
	   * sees only those. The register: a person needs no account (user_id
	   * NULL); person_terms holds the folded words of name and personnel
	   * number for the prefix search (core/register.h), created per
	   * dialect below (PostgreSQL compares them bytewise: COLLATE "C").
	   * Sickness mutations after SIVI's Vrzm; sick_periods is derived from
	   * them from now on (percent_bp, basis points). An anonymous
	   * candidate is named to a network employer by a pseudonym per offer.
	   * Existing data: a person per employee or employed user ('U' ||
	   * user id), a casemanager role for every user who is werkgever in a
	   * case of the own organisation (they keep their cases), the periods
	   * as mutations (migrate_sickness). */
	  "CREATE TABLE departments ("
	  " id {{ID}},"
	  " organisation_id BIGINT NOT NULL REFERENCES organisations (id),"
	  " name TEXT NOT NULL,"
	  " UNIQUE (organisation_id, name));"

	  "CREATE TABLE org_roles ("
	  " user_id BIGINT NOT NULL REFERENCES users (id),"
	  " organisation_id BIGINT NOT NULL REFERENCES organisations (id),"
	  " role TEXT NOT NULL CHECK (role IN ('casemanager', 'leidinggevende', 'hr-analist',"
	  "  'beheerder')),"
	  " granted_by BIGINT REFERENCES users (id),"
	  " granted_at {{TS}} NOT NULL DEFAULT {{NOW}},"
	  " PRIMARY KEY (user_id, organisation_id, role));"
	  "CREATE INDEX org_roles_org ON org_roles (organisation_id, role);"

	  "CREATE TABLE org_role_departments ("
	  " user_id BIGINT NOT NULL REFERENCES users (id),"
	  " organisation_id BIGINT NOT NULL REFERENCES organisations (id),"
	  " department_id BIGINT NOT NULL REFERENCES departments (id),"
	  " PRIMARY KEY (user_id, organisation_id, department_id));"

	  "CREATE TABLE persons ("
	  " id {{ID}},"
	  " organisation_id BIGINT NOT NULL REFERENCES organisations (id),"
	  " personnel_number TEXT NOT NULL,"
	  " name TEXT NOT NULL,"
	  " birth_date {{DATE}},"
	  " department_id BIGINT REFERENCES departments (id),"
	  " manager_id BIGINT REFERENCES persons (id),"
	  " email TEXT,"
	  " user_id BIGINT REFERENCES users (id),"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}},"
	  " updated_at {{TS}} NOT NULL DEFAULT {{NOW}},"
	  " UNIQUE (organisation_id, personnel_number));"
	  "CREATE INDEX persons_user ON persons (user_id);"
	  "CREATE INDEX persons_manager ON persons (manager_id);"
	  "CREATE INDEX persons_department ON persons (organisation_id, department_id, name);"
	  "CREATE INDEX persons_name ON persons (organisation_id, name, id);"

	  "CREATE TABLE sickness_mutations ("
	  " id {{ID}},"
	  " case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
	  " kind TEXT NOT NULL CHECK (kind IN ('ziekmelding', 'wijziging', 'herstel')),"
	  " action TEXT NOT NULL CHECK (action IN ('nieuw', 'correctie', 'intrekking')),"
	  " ref_id BIGINT REFERENCES sickness_mutations (id),"
	  " mutation_date {{DATE}} NOT NULL,"
	  " percent_bp INTEGER NOT NULL DEFAULT 0 CHECK (percent_bp BETWEEN 0 AND 10000),"
	  " expected_recovery {{DATE}},"
	  " end_reason TEXT CHECK (end_reason IN ('hersteld', 'uit_dienst', 'einde_wachttijd',"
	  "  'overleden', 'zwangerschapsverlof', 'anders')),"
	  " zwangerschap SMALLINT NOT NULL DEFAULT 0 CHECK (zwangerschap IN (0, 1)),"
	  " reason TEXT,"
	  " source TEXT NOT NULL CHECK (source IN ('portal', 'import', 'migratie', 'sivi')),"
	  " recorded_by BIGINT REFERENCES users (id),"
	  " recorded_role TEXT,"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}},"
	  " CHECK (action = 'nieuw' OR (ref_id IS NOT NULL AND reason IS NOT NULL)));"
	  "CREATE INDEX sickness_mutations_case ON sickness_mutations (case_id, id);"

	  "CREATE TABLE candidate_pseudonyms ("
	  " offer_id BIGINT NOT NULL REFERENCES placement_offers (id),"
	  " case_id BIGINT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,"
	  " token TEXT NOT NULL UNIQUE,"
	  " PRIMARY KEY (offer_id, case_id));"

	  /* An invitation may link the new account to a person of the register
	   * and give it organisation roles (comma-separated, in the
	   * invitation's organisation; a casemanager's departments as
	   * comma-separated ids) the moment it is accepted. */
	  "ALTER TABLE invitations ADD COLUMN person_id BIGINT REFERENCES persons (id);"
	  "ALTER TABLE invitations ADD COLUMN org_roles TEXT;"
	  "ALTER TABLE invitations ADD COLUMN org_department_ids TEXT;"

	  "ALTER TABLE sick_periods ADD COLUMN percent_bp INTEGER NOT NULL DEFAULT 10000"
	  " CHECK (percent_bp BETWEEN 1 AND 10000);"
	  "UPDATE sick_periods SET percent_bp = percent * 100;"

	  "INSERT INTO persons (organisation_id, personnel_number, name, email, user_id)"
	  " SELECT x.organisation_id, 'U' || CAST(u.id AS TEXT), u.name, u.email, u.id"
	  " FROM (SELECT organisation_id, employee_id AS user_id FROM cases"
	  "  UNION SELECT organisation_id, user_id FROM employments) x"
	  " JOIN users u ON u.id = x.user_id ORDER BY u.id;"
	  "INSERT INTO org_roles (user_id, organisation_id, role)"
	  " SELECT DISTINCT p.user_id, c.organisation_id, 'casemanager' FROM participations p"
	  " JOIN cases c ON c.id = p.case_id"
	  " JOIN users u ON u.id = p.user_id AND u.organisation_id = c.organisation_id"
	  " WHERE p.role = 'werkgever';",
	  { [DB_SQLITE] =
		    "CREATE TABLE person_terms ("
		    " organisation_id BIGINT NOT NULL,"
		    " term TEXT NOT NULL,"
		    " person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,"
		    " PRIMARY KEY (organisation_id, term, person_id));"
		    "CREATE INDEX person_terms_person ON person_terms (person_id);"

		    /* Rebuilt, keeping ids and the AUTOINCREMENT counter. */
		    "CREATE TABLE employments_new (" EMPLOYMENT_COLUMNS ");"
		    "INSERT INTO employments_new (id, person_id, organisation_id, from_date,"
		    " until_date, contract_hours, norm_hours, factor)"
		    " SELECT e.id, p.id, e.organisation_id, e.from_date, e.until_date, e.factor * 40,"
		    " 40, e.factor FROM employments e"
		    " JOIN persons p ON p.user_id = e.user_id AND p.organisation_id = e.organisation_id;"
		    KEEP_SEQUENCE("employments")
		    "DROP TABLE employments;"
		    "ALTER TABLE employments_new RENAME TO employments;"

		    "CREATE TABLE cases_new (" CASE_COLUMNS ");"
		    "INSERT INTO cases_new (id, organisation_id, person_id, employment_id,"
		    " casemanager_id, status, contact_phone, contact_address, verwachte_duur,"
		    " lopende_afspraken, vangnet, arbeidsongeval, derde_aansprakelijk, created_at)"
		    " SELECT c.id, c.organisation_id, p.id, " CASE_EMPLOYMENT("p.id") ", " CASE_MANAGER ","
		    " c.status, c.contact_phone, c.contact_address, c.verwachte_duur,"
		    " c.lopende_afspraken, c.vangnet, c.arbeidsongeval, c.derde_aansprakelijk,"
		    " c.created_at FROM cases c"
		    " JOIN persons p ON p.user_id = c.employee_id AND p.organisation_id = c.organisation_id;"
		    KEEP_SEQUENCE("cases")
		    "DROP TABLE cases;"
		    "ALTER TABLE cases_new RENAME TO cases;"
		    "CREATE INDEX cases_organisation ON cases (organisation_id);"
		    REGISTER_INDEXES,
	    [DB_POSTGRESQL] =
		    "CREATE TABLE person_terms ("
		    " organisation_id BIGINT NOT NULL,"
		    " term TEXT COLLATE \"C\" NOT NULL,"
		    " person_id BIGINT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,"
		    " PRIMARY KEY (organisation_id, term, person_id));"
		    "CREATE INDEX person_terms_person ON person_terms (person_id);"

		    "ALTER TABLE employments ADD COLUMN person_id BIGINT REFERENCES persons (id);"
		    "UPDATE employments e SET person_id = (SELECT p.id FROM persons p"
		    " WHERE p.user_id = e.user_id AND p.organisation_id = e.organisation_id);"
		    "ALTER TABLE employments ALTER COLUMN person_id SET NOT NULL;"
		    "ALTER TABLE employments DROP COLUMN user_id;"
		    "ALTER TABLE employments ADD COLUMN contract_hours DOUBLE PRECISION;"
		    "ALTER TABLE employments ADD COLUMN norm_hours DOUBLE PRECISION;"
		    "ALTER TABLE employments ADD COLUMN functie TEXT;"
		    "UPDATE employments SET contract_hours = factor * 40, norm_hours = 40;"
		    "ALTER TABLE employments ALTER COLUMN contract_hours SET NOT NULL;"
		    "ALTER TABLE employments ALTER COLUMN norm_hours SET NOT NULL;"
		    "ALTER TABLE employments ADD CHECK (contract_hours > 0"
		    " AND contract_hours <= norm_hours);"

		    "ALTER TABLE cases ADD COLUMN person_id BIGINT REFERENCES persons (id);"
		    "ALTER TABLE cases ADD COLUMN employment_id BIGINT REFERENCES employments (id);"
		    "ALTER TABLE cases ADD COLUMN casemanager_id BIGINT REFERENCES users (id);"
		    "ALTER TABLE cases ADD COLUMN reported_by BIGINT REFERENCES users (id);"
		    "ALTER TABLE cases ADD COLUMN reported_role TEXT CHECK (reported_role IN"
		    " ('casemanager', 'leidinggevende', 'werknemer', 'import'));"
		    "ALTER TABLE cases ADD COLUMN expected_recovery DATE;"
		    "ALTER TABLE cases ADD COLUMN end_reason TEXT;"
		    "ALTER TABLE cases ADD COLUMN withdrawn_reason TEXT;"
		    "UPDATE cases c SET person_id = (SELECT p.id FROM persons p"
		    " WHERE p.user_id = c.employee_id AND p.organisation_id = c.organisation_id);"
		    "UPDATE cases c SET employment_id = " CASE_EMPLOYMENT("c.person_id") ", casemanager_id = "
		    CASE_MANAGER ";"
		    "ALTER TABLE cases ALTER COLUMN person_id SET NOT NULL;"
		    "ALTER TABLE cases DROP COLUMN employee_id;"
		    "ALTER TABLE cases DROP CONSTRAINT cases_status_check;"
		    "ALTER TABLE cases ADD CONSTRAINT cases_status_check"
		    " CHECK (status IN ('open', 'gesloten', 'ingetrokken'));"
		    REGISTER_INDEXES } },
	{ 13,
	  /* Answers to changes sent with an Idempotency-Key, per user, kept
	   * for a day (expires_at in seconds since the epoch): a retry gets
	   * the first answer. status 0 is a key whose change has not
	   * committed; answer is the body as base64. No foreign key: the
	   * rows are short-lived and must not stop a user's removal. */
	  "CREATE TABLE idempotency_keys ("
	  " user_id BIGINT NOT NULL,"
	  " idem_key TEXT NOT NULL,"
	  " method TEXT NOT NULL,"
	  " path TEXT NOT NULL,"
	  " request_digest TEXT NOT NULL,"
	  " status INTEGER NOT NULL,"
	  " content_type TEXT,"
	  " answer TEXT,"
	  " created_at {{TS}} NOT NULL DEFAULT {{NOW}},"
	  " expires_at BIGINT NOT NULL,"
	  " PRIMARY KEY (user_id, idem_key));"
	  "CREATE INDEX idempotency_keys_expires ON idempotency_keys (expires_at);"

	  /* Key rotation (spoorwijzer key rotate): which key sealed a note
	   * (crypto_key_id; NULL: sealed before this was kept). A note's
	   * content still never changes: re-sealing may only replace the box
	   * and its key id. */
	  "ALTER TABLE medical_notes ADD COLUMN key_id TEXT;",
	  { [DB_SQLITE] =
		    "DROP TRIGGER medical_notes_no_update;"
		    "CREATE TRIGGER medical_notes_no_update BEFORE UPDATE OF id, case_id, author_id,"
		    " kind, created_at ON medical_notes"
		    " BEGIN SELECT RAISE(ABORT, 'medical_notes are versions, not updated'); END;",
	    [DB_POSTGRESQL] =
		    "CREATE OR REPLACE FUNCTION medical_notes_no_update() RETURNS trigger"
		    " LANGUAGE plpgsql AS $$ BEGIN"
		    " IF NEW.id <> OLD.id OR NEW.case_id <> OLD.case_id"
		    "  OR NEW.author_id <> OLD.author_id OR NEW.kind <> OLD.kind"
		    "  OR NEW.created_at <> OLD.created_at THEN"
		    "  RAISE EXCEPTION 'medical_notes are versions, not updated'; END IF;"
		    " RETURN NEW; END $$;" } },
	{ 14,
	  /* The kenmerk (reference) UWV gives for a 42-week melding or a WIA
	   * aanvraag, recorded with the event (src/core/steps.c); NULL for
	   * every other event. */
	  "ALTER TABLE events ADD COLUMN reference TEXT;",
	  { NULL, NULL } },
};

#define NMIGRATIONS (sizeof migrations / sizeof migrations[0])

int store_schema_latest(void)
{
	return migrations[NMIGRATIONS - 1].version;
}

/* Whether schema_migrations exists: the catalogs differ per backend. */
static const char *const table_exists_sql[] = {
	[DB_SQLITE] = "SELECT 1 FROM sqlite_master"
		      " WHERE type = 'table' AND name = 'schema_migrations'",
	[DB_POSTGRESQL] = "SELECT 1 FROM pg_tables"
			  " WHERE schemaname = current_schema() AND tablename = 'schema_migrations'",
};

int store_schema_version(struct store *st, int *version, struct sw_error *err)
{
	static const char max_sql[] = "SELECT COALESCE(MAX(version), 0) FROM schema_migrations";
	struct db_stmt *q = store_stmt(st, table_exists_sql[db_dialect(st->db)], err);
	if (q == NULL)
		return -1;
	int rc = db_next(q, err);
	if (rc <= 0) {
		*version = 0;
		return rc;
	}
	db_reset(q);
	if ((q = store_stmt(st, max_sql, err)) == NULL)
		return -1;
	int64_t v;
	if (db_run_id(q, &v, err) != 0)
		return -1;
	*version = (int)v;
	return 0;
}

/* Serialises concurrent migrators: SQLite's BEGIN IMMEDIATE already does. */
static const char *const lock_sql[] = {
	[DB_SQLITE] = NULL,
	[DB_POSTGRESQL] = "LOCK TABLE schema_migrations IN SHARE ROW EXCLUSIVE MODE",
};

/* SQLite with foreign keys off: that the migration left none dangling. */
static int foreign_keys_hold(struct store *st, struct sw_error *err)
{
	struct db_stmt *q = db_prepare(st->db, "PRAGMA foreign_key_check", 0, err);
	if (q == NULL)
		return -1;
	const int rc = db_next(q, err);
	const char *table = rc == 1 ? db_col_text(q, 0) : NULL;
	if (rc == 1)
		sw_error_set(err, SW_EINTERNAL, "database", "a row of %s refers to a missing row",
			     table != NULL ? table : "?");
	db_stmt_free(q);
	return rc == 0 ? 0 : -1;
}

/* Applies m unless another process did meanwhile; *done tells which. */
static int apply(struct store *st, const struct migration *m, int *done, struct sw_error *err)
{
	static const char applied_sql[] = "SELECT 1 FROM schema_migrations WHERE version = $1";
	static const char insert_sql[] = "INSERT INTO schema_migrations (version) VALUES ($1)";
	struct db *db = st->db;
	const char *lock = lock_sql[db_dialect(db)];
	struct db_stmt *q;
	int rc;

	*done = 0;
	const struct migration_extra *x = extra_of(m->version);
	const int fk_off = x->sqlite_fk_off && db_dialect(db) == DB_SQLITE;
	if (fk_off && db_exec(db, "PRAGMA foreign_keys = OFF", err) != 0)
		return -1;
	if (db_begin(db, DB_WRITE, err) != 0)
		goto restore;
	if (lock != NULL && db_exec(db, lock, err) != 0)
		goto fail;
	if ((q = store_stmt(st, applied_sql, err)) == NULL)
		goto fail;
	db_bind_int(q, 1, m->version);
	if ((rc = db_next(q, err)) < 0)
		goto fail;
	db_reset(q);
	if (rc == 0) {
		const char *extra = m->dialect_sql[db_dialect(db)];
		if (db_exec(db, m->sql, err) != 0 || (extra != NULL && db_exec(db, extra, err) != 0) ||
		    (q = store_stmt(st, insert_sql, err)) == NULL)
			goto fail;
		db_bind_int(q, 1, m->version);
		if (db_run(q, err) != 0 || (x->fn != NULL && x->fn(st, err) != 0) ||
		    (fk_off && foreign_keys_hold(st, err) != 0))
			goto fail;
		*done = 1;
	}
	rc = db_commit(db, err);
	if (fk_off && db_exec(db, "PRAGMA foreign_keys = ON", rc == 0 ? err : NULL) != 0)
		rc = -1;
	return rc;
fail:
	db_rollback(db);
restore:
	if (fk_off)
		db_exec(db, "PRAGMA foreign_keys = ON", NULL);
	return -1;
}

int store_migrate(struct store *st, int *applied, struct sw_error *err)
{
	int count = 0, current;
	if (applied != NULL)
		*applied = 0;
	if (db_exec(st->db,
		    "CREATE TABLE IF NOT EXISTS schema_migrations ("
		    " version INTEGER PRIMARY KEY,"
		    " applied_at {{TS}} NOT NULL DEFAULT {{NOW}})",
		    err) != 0)
		return -1;
	if (store_schema_version(st, &current, err) != 0)
		return -1;
	if (current > store_schema_latest())
		return sw_error_set(err, SW_ECONFLICT, "database",
				    "schema version %d is newer than this program (%d)", current,
				    store_schema_latest());
	for (size_t i = 0; i < NMIGRATIONS; i++) {
		int done;
		if (migrations[i].version <= current)
			continue;
		if (apply(st, &migrations[i], &done, err) != 0) {
			if (err != NULL) {
				struct sw_error cause = *err;
				sw_error_set(err, cause.code, "database", "migration %d: %s",
					     migrations[i].version, cause.message);
			}
			return -1;
		}
		count += done;
	}
	if (applied != NULL)
		*applied = count;
	return 0;
}
