/* sickness.c - segments and state from sickness mutations (sickness.h).
 *
 * Two passes. The first applies the corrections and withdrawals in the
 * order they were recorded, which leaves the effective new facts; the
 * second replays those by date as a small state machine (sick or not,
 * the open segment) and refuses what cannot have happened: a change
 * while not sick, a recovery before the report, a second report while
 * sick. Correcting the first sick day is then just a ziekmelding with
 * another date, and withdrawing a change simply leaves it out. */
#include "sickness.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static const char *const kind_names[SICK_KIND__COUNT] = {
	[SICK_ZIEKMELDING] = "ziekmelding",
	[SICK_WIJZIGING] = "wijziging",
	[SICK_HERSTEL] = "herstel",
};

static const char *const action_names[SICK_ACTION__COUNT] = {
	[SICK_NIEUW] = "nieuw",
	[SICK_CORRECTIE] = "correctie",
	[SICK_INTREKKING] = "intrekking",
};

static const char *const end_names[SICK_END__COUNT] = {
	[SICK_END_NONE] = "",
	[SICK_END_HERSTELD] = "hersteld",
	[SICK_END_UIT_DIENST] = "uit_dienst",
	[SICK_END_EINDE_WACHTTIJD] = "einde_wachttijd",
	[SICK_END_OVERLEDEN] = "overleden",
	[SICK_END_ZWANGERSCHAPSVERLOF] = "zwangerschapsverlof",
	[SICK_END_ANDERS] = "anders",
};

static int parse(const char *const *names, int count, const char *s, int *out)
{
	for (int i = 0; s != NULL && i < count; i++) {
		if (*names[i] != '\0' && strcmp(s, names[i]) == 0) {
			*out = i;
			return 0;
		}
	}
	return -1;
}

const char *sick_kind_name(enum sick_kind k)
{
	return (unsigned)k < SICK_KIND__COUNT ? kind_names[k] : "";
}

int sick_kind_parse(const char *s, enum sick_kind *out)
{
	int v;
	if (parse(kind_names, SICK_KIND__COUNT, s, &v) != 0)
		return -1;
	*out = (enum sick_kind)v;
	return 0;
}

const char *sick_action_name(enum sick_action a)
{
	return (unsigned)a < SICK_ACTION__COUNT ? action_names[a] : "";
}

int sick_action_parse(const char *s, enum sick_action *out)
{
	int v;
	if (parse(action_names, SICK_ACTION__COUNT, s, &v) != 0)
		return -1;
	*out = (enum sick_action)v;
	return 0;
}

const char *sick_end_reason_name(enum sick_end_reason r)
{
	return (unsigned)r < SICK_END__COUNT ? end_names[r] : "";
}

int sick_end_reason_parse(const char *s, enum sick_end_reason *out)
{
	int v;
	if (parse(end_names, SICK_END__COUNT, s, &v) != 0)
		return -1;
	*out = (enum sick_end_reason)v;
	return 0;
}

int sick_percent_bp(double v, int allow_zero, const char *field, int *out, struct sw_error *err)
{
	if (allow_zero && v == 0.0) {
		*out = 0;
		return 0;
	}
	if (!isfinite(v) || v < 1.0 || v > 100.0)
		return sw_error_set(err, SW_EINVAL, field, "must be %s1 to 100",
				    allow_zero ? "0 (full recovery) or " : "");
	const double scaled = v * 100.0;
	const double bp = round(scaled);
	/* A double holds 50.25 as 50.2499999...: allow that, refuse 50.255. */
	if (fabs(scaled - bp) > 1e-6)
		return sw_error_set(err, SW_EINVAL, field, "at most two decimals");
	*out = (int)bp;
	return 0;
}

void sick_percent_format(int bp, char buf[16])
{
	if (bp % 100 == 0)
		snprintf(buf, 16, "%d", bp / 100);
	else if (bp % 10 == 0)
		snprintf(buf, 16, "%d.%d", bp / 100, (bp % 100) / 10);
	else
		snprintf(buf, 16, "%d.%02d", bp / 100, bp % 100);
}

/* ---- pass 1: the effective new facts ------------------------------------ */

static int fail(struct sw_error *err, size_t *bad, size_t i, const char *field,
		const struct sick_mutation *m, const char *what)
{
	if (bad != NULL)
		*bad = i;
	return sw_error_set(err, SW_EINVAL, field, "mutation %lld: %s", (long long)m->id, what);
}

/* The values of one mutation, whatever the others say. */
static const char *value_problem(const struct sick_mutation *m, const char **field)
{
	*field = "percent";
	if (m->kind == SICK_HERSTEL) {
		if (m->percent_bp != 0 && (m->percent_bp < SICK_BP_MIN || m->percent_bp >= SICK_BP_FULL))
			return "a recovery leaves 0 (full) or 1 to 99.99 percent sick";
		if (m->end_reason != SICK_END_NONE && m->percent_bp != 0) {
			*field = "end_reason";
			return "only a full recovery has an end reason";
		}
	} else {
		if (m->percent_bp < SICK_BP_MIN || m->percent_bp > SICK_BP_FULL)
			return "the percentage must be 1 to 100";
		if (m->end_reason != SICK_END_NONE) {
			*field = "end_reason";
			return "only a full recovery has an end reason";
		}
	}
	if ((unsigned)m->end_reason >= SICK_END__COUNT) {
		*field = "end_reason";
		return "unknown end reason";
	}
	*field = "date";
	if (m->date == DATE_NONE)
		return "a date is required";
	*field = "expected_recovery";
	if (m->expected_recovery != DATE_NONE && m->expected_recovery < m->date)
		return "the expected recovery lies before the date";
	*field = "zwangerschap";
	if (m->zwangerschap != 0 && m->zwangerschap != 1)
		return "must be 0 or 1";
	if (m->zwangerschap && m->kind != SICK_ZIEKMELDING)
		return "only a ziekmelding says whether it is pregnancy-related";
	return NULL;
}

/* The effective mutation with id ref among work[0..n), or NULL. */
static struct sick_mutation *find(struct sick_mutation *work, size_t n, int64_t ref)
{
	for (size_t i = 0; i < n; i++)
		if (work[i].id == ref)
			return &work[i];
	return NULL;
}

/* Fills work with the nieuw facts as corrected, withdrawn ones marked
 * SICK_INTREKKING; *opening is the id of the case's first ziekmelding. */
static int effective(const struct sick_mutation *ms, size_t n, int64_t as_of,
		     struct sick_mutation *work, size_t *nwork, int *withdrawn, size_t *bad,
		     struct sw_error *err)
{
	int64_t opening = 0, prev = 0;
	*nwork = 0;
	*withdrawn = 0;
	for (size_t i = 0; i < n; i++) {
		const struct sick_mutation *m = &ms[i];
		const char *field, *why;
		if (m->id <= prev)
			return fail(err, bad, i, "id", m, "mutations must come in id order");
		prev = m->id;
		if (as_of > 0 && m->id > as_of)
			break;
		if ((unsigned)m->kind >= SICK_KIND__COUNT || (unsigned)m->action >= SICK_ACTION__COUNT)
			return fail(err, bad, i, "kind", m, "unknown kind or action");
		if (*withdrawn)
			return fail(err, bad, i, "id", m, "the case was withdrawn");
		if (m->action == SICK_NIEUW) {
			if ((why = value_problem(m, &field)) != NULL)
				return fail(err, bad, i, field, m, why);
			if (opening == 0 && m->kind != SICK_ZIEKMELDING)
				return fail(err, bad, i, "kind", m, "a case starts with a ziekmelding");
			if (opening == 0)
				opening = m->id;
			work[(*nwork)++] = *m;
			continue;
		}
		struct sick_mutation *ref = find(work, *nwork, m->ref_id);
		if (ref == NULL || m->ref_id >= m->id)
			return fail(err, bad, i, "ref_id", m, "refers to no earlier new mutation");
		if (ref->action == SICK_INTREKKING)
			return fail(err, bad, i, "ref_id", m, "refers to a withdrawn mutation");
		if (m->kind != ref->kind)
			return fail(err, bad, i, "kind", m, "is not of the kind it refers to");
		if (m->action == SICK_INTREKKING) {
			ref->action = SICK_INTREKKING;
			if (ref->id == opening)
				*withdrawn = 1;
			continue;
		}
		if ((why = value_problem(m, &field)) != NULL)
			return fail(err, bad, i, field, m, why);
		const int64_t keep = ref->id;
		*ref = *m;
		ref->id = keep;
		ref->action = SICK_NIEUW;
		ref->ref_id = 0;
	}
	return 0;
}

/* ---- pass 2: replay by date ---------------------------------------------- */

/* On one day a recovery ends the spell before a report starts the next
 * and before a change (either way round the pair is refused). */
static int rank(enum sick_kind k)
{
	return k == SICK_HERSTEL ? 0 : k == SICK_ZIEKMELDING ? 1 : 2;
}

static void sort_by_date(struct sick_mutation *w, size_t n)
{
	for (size_t i = 1; i < n; i++) {
		const struct sick_mutation m = w[i];
		size_t j = i;
		while (j > 0 && (w[j - 1].date > m.date ||
				 (w[j - 1].date == m.date && rank(w[j - 1].kind) > rank(m.kind)))) {
			w[j] = w[j - 1];
			j--;
		}
		w[j] = m;
	}
}

static int index_of(const struct sick_mutation *ms, size_t n, int64_t id)
{
	for (size_t i = 0; i < n; i++)
		if (ms[i].id == id)
			return (int)i;
	return 0;
}

int sick_derive(const struct sick_mutation *ms, size_t n, int64_t as_of,
		struct sick_mutation *work, struct sick_segment *segs, struct sick_state *out,
		size_t *bad, struct sw_error *err)
{
	size_t nwork = 0, nseg = 0;
	int withdrawn;
	memset(out, 0, sizeof *out);
	out->first_sick_day = out->last_report = out->hersteldatum = DATE_NONE;
	out->expected_recovery = DATE_NONE;
	if (effective(ms, n, as_of, work, &nwork, &withdrawn, bad, err) != 0)
		return -1;
	if (withdrawn) {
		out->withdrawn = 1;
		return 0;
	}
	size_t k = 0;
	for (size_t i = 0; i < nwork; i++)
		if (work[i].action == SICK_NIEUW)
			work[k++] = work[i];
	sort_by_date(work, k);
	char d[DATE_STRLEN], why[160];
	for (size_t i = 0; i < k; i++) {
		const struct sick_mutation *m = &work[i];
		struct sick_segment *cur = nseg > 0 ? &segs[nseg - 1] : NULL;
		const size_t at = (size_t)index_of(ms, n, m->id);
		if (m->kind == SICK_ZIEKMELDING) {
			if (out->sick) {
				date_format(out->last_report, d);
				snprintf(why, sizeof why, "already sick since %s", d);
				return fail(err, bad, at, "date", m, why);
			}
			if (out->hersteldatum != DATE_NONE && m->date <= out->hersteldatum) {
				date_format(out->hersteldatum, d);
				snprintf(why, sizeof why, "must be after the hersteldatum %s", d);
				return fail(err, bad, at, "date", m, why);
			}
			segs[nseg++] = (struct sick_segment){ m->date, DATE_NONE, m->percent_bp,
							      m->zwangerschap, out->spells };
			if (out->spells++ == 0)
				out->first_sick_day = m->date;
			out->last_report = m->date;
			out->sick = 1;
			out->hersteldatum = DATE_NONE;
			out->end_reason = SICK_END_NONE;
			out->expected_recovery = m->expected_recovery;
			continue;
		}
		if (!out->sick || cur == NULL) {
			if (out->hersteldatum == DATE_NONE)
				return fail(err, bad, at, "date", m,
					    m->kind == SICK_HERSTEL
						    ? "the hersteldatum must be after the first sick day"
						    : "lies before the first sick day");
			date_format(out->hersteldatum, d);
			snprintf(why, sizeof why, "not sick on that day: recovered on %s", d);
			return fail(err, bad, at, "date", m, why);
		}
		if (m->kind == SICK_HERSTEL && m->date <= cur->from) {
			date_format(cur->from, d);
			snprintf(why, sizeof why, "the hersteldatum must be after %s",
				 cur->from == out->last_report ? "the first sick day" : "the last change");
			return fail(err, bad, at, "date", m, why);
		}
		if (m->kind == SICK_HERSTEL && m->percent_bp >= cur->percent_bp && m->percent_bp > 0) {
			char p[16];
			sick_percent_format(cur->percent_bp, p);
			snprintf(why, sizeof why, "a partial recovery lowers the percentage (now %s)", p);
			return fail(err, bad, at, "percent", m, why);
		}
		if (m->expected_recovery != DATE_NONE)
			out->expected_recovery = m->expected_recovery;
		if (m->kind == SICK_HERSTEL && m->percent_bp == 0) {
			cur->to = m->date - 1;
			out->sick = 0;
			out->hersteldatum = m->date;
			out->end_reason = m->end_reason != SICK_END_NONE ? m->end_reason
									 : SICK_END_HERSTELD;
			out->expected_recovery = DATE_NONE;
			continue;
		}
		if (m->percent_bp == cur->percent_bp)
			continue;                /* no change: one segment */
		if (m->date == cur->from) {
			cur->percent_bp = m->percent_bp;  /* from the same day: replaces */
			continue;
		}
		cur->to = m->date - 1;
		segs[nseg++] = (struct sick_segment){ m->date, DATE_NONE, m->percent_bp,
						      cur->zwangerschap, cur->spell };
	}
	out->nsegments = nseg;
	out->percent_bp = out->sick && nseg > 0 ? segs[nseg - 1].percent_bp : 0;
	return 0;
}
