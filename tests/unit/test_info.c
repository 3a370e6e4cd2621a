/* test_info.c - the information modules: the library is complete in both
 * languages, and info_relevant offers each module to its audience at the
 * moment its trigger fires, not before. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/info.h"

static sw_date D(const char *s)
{
	sw_date d;
	assert_int_equal(date_parse(s, &d), 0);
	return d;
}

struct fx {
	struct tl_period p[4];
	size_t np;
	struct tl_event e[8];
	size_t ne;
	struct tl_input in;
	struct tl_timeline tl;
};

/* One open period from 2026-01-05 (a Monday); day n is 2026-01-05 + n - 1. */
static void start(struct fx *f)
{
	memset(f, 0, sizeof *f);
	f->p[f->np++] = (struct tl_period){ D("2026-01-05"), DATE_NONE, 100 };
}

static void event(struct fx *f, enum tl_event_kind k, int day)
{
	f->e[f->ne++] = (struct tl_event){ k, D("2026-01-05") + day - 1, 0 };
}

static void compute(struct fx *f, int day)
{
	f->in = (struct tl_input){ f->p, f->np, f->e, f->ne, NULL, 0, D("2026-01-05") + day - 1 };
	assert_int_equal(tl_compute(&f->in, &f->tl, NULL), TL_OK);
}

/* The relevant codes for role, joined with spaces. */
static const char *codes(struct fx *f, enum role role)
{
	static char buf[512];
	const struct info_module *ms[32];
	const size_t n = info_relevant(&f->tl, &f->in, role, ms, 32);
	buf[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			strcat(buf, " ");
		strcat(buf, ms[i]->code);
	}
	return buf;
}

static void test_library(void **state)
{
	(void)state;
	assert_true(info_count() >= 12);
	for (size_t i = 0; i < info_count(); i++) {
		const struct info_module *m = info_at(i);
		assert_non_null(m);
		assert_ptr_equal(info_find(m->code), m);
		for (size_t j = 0; j < i; j++)
			assert_string_not_equal(info_at(j)->code, m->code);
		const char *texts[] = { m->title_nl, m->summary_nl, m->body_nl,
					m->title_en, m->summary_en, m->body_en };
		for (size_t t = 0; t < 6; t++) {
			assert_non_null(texts[t]);
			assert_true(strlen(texts[t]) > 10);
		}
		assert_true(m->roles != 0);
		assert_int_equal(m->roles & (ROLE_BIT(ROLE_NETWERKWERKGEVER) |
					     ROLE_BIT(ROLE_BEHEERDER)), 0);
		assert_int_not_equal(m->triggers[0].kind, INFO_NONE);
		/* Employee first: every module but none is for the werknemer. */
		assert_true(m->roles & ROLE_BIT(ROLE_WERKNEMER));
	}
	assert_null(info_at(info_count()));
	assert_null(info_find("bestaat_niet"));
	assert_null(info_find(NULL));
	/* The legal moments the texts must state. */
	assert_non_null(strstr(info_find("probleemanalyse")->body_nl, "zesde week"));
	assert_non_null(strstr(info_find("plan_van_aanpak")->body_nl, "week 8"));
	assert_non_null(strstr(info_find("melding_uwv")->body_nl, "42 weken"));
	assert_non_null(strstr(info_find("eerstejaarsevaluatie")->body_nl, "week 52"));
	assert_non_null(strstr(info_find("wia_aanvraag")->body_nl, "week 93"));
	assert_non_null(strstr(info_find("loonsanctie")->body_nl, "52 weken"));
	assert_non_null(strstr(info_find("financiele_instrumenten")->body_nl, "No-riskpolis"));
}

static void test_first_weeks(void **state)
{
	(void)state;
	struct fx f;
	start(&f);
	compute(&f, 3);
	/* The probleemanalyse is open from day 1 (42 days of lead). */
	assert_string_equal(codes(&f, ROLE_WERKNEMER), "rechten_plichten probleemanalyse");
	assert_string_equal(codes(&f, ROLE_WERKGEVER), "rechten_plichten probleemanalyse");
	assert_string_equal(codes(&f, ROLE_BEDRIJFSARTS), "probleemanalyse");
	assert_string_equal(codes(&f, ROLE_ARBEIDSDESKUNDIGE), "");
	assert_string_equal(codes(&f, ROLE_NETWERKWERKGEVER), "");
	assert_string_equal(codes(&f, ROLE_BEHEERDER), "");
	assert_string_equal(codes(&f, ROLE__COUNT), "");

	/* Probleemanalyse done on day 30: the deskundigenoordeel and the plan
	 * van aanpak (due 14 days later, open at once) follow. */
	event(&f, TL_EV_PROBLEEMANALYSE, 30);
	compute(&f, 29);
	assert_string_equal(codes(&f, ROLE_WERKNEMER), "rechten_plichten probleemanalyse");
	compute(&f, 31);
	assert_string_equal(codes(&f, ROLE_WERKNEMER),
			    "rechten_plichten probleemanalyse deskundigenoordeel plan_van_aanpak");
	assert_string_equal(codes(&f, ROLE_BEDRIJFSARTS), "probleemanalyse deskundigenoordeel");
}

static void test_week_and_event(void **state)
{
	(void)state;
	struct fx f;
	start(&f);
	event(&f, TL_EV_PROBLEEMANALYSE, 30);
	event(&f, TL_EV_PLAN_VAN_AANPAK, 40);
	/* Last day of week 12, first of week 13. */
	compute(&f, 84);
	assert_null(strstr(codes(&f, ROLE_WERKNEMER), "tweede_spoor"));
	assert_string_equal(codes(&f, ROLE_ARBEIDSDESKUNDIGE), "");
	compute(&f, 85);
	assert_non_null(strstr(codes(&f, ROLE_WERKNEMER), "tweede_spoor"));
	assert_string_equal(codes(&f, ROLE_ARBEIDSDESKUNDIGE), "tweede_spoor");
	assert_null(strstr(codes(&f, ROLE_WERKNEMER), "orientatie"));

	/* Return unlikely, recorded on day 100: orientation and the
	 * instruments, from that day on, not before. */
	event(&f, TL_EV_TERUGKEER_ONWAARSCHIJNLIJK, 100);
	compute(&f, 99);
	assert_string_equal(codes(&f, ROLE_REINTEGRATIEPROFESSIONAL), "tweede_spoor");
	compute(&f, 100);
	assert_string_equal(codes(&f, ROLE_REINTEGRATIEPROFESSIONAL),
			    "tweede_spoor orientatie financiele_instrumenten");
	assert_null(strstr(codes(&f, ROLE_WERKNEMER), "melding_uwv"));

	/* The 42-week report is due on day 295 (the first working day after
	 * week 42) and opens 14 days before. */
	compute(&f, 280);
	assert_null(strstr(codes(&f, ROLE_WERKGEVER), "melding_uwv"));
	compute(&f, 281);
	assert_non_null(strstr(codes(&f, ROLE_WERKGEVER), "melding_uwv"));
	assert_null(strstr(codes(&f, ROLE_WERKNEMER), "wia_aanvraag"));
	compute(&f, 7 * 93 - 14);
	assert_non_null(strstr(codes(&f, ROLE_WERKNEMER), "loonsanctie"));
	assert_non_null(strstr(codes(&f, ROLE_WERKNEMER), "wia_aanvraag"));
	/* The WIA application is the employee's: not offered to the employer. */
	assert_null(strstr(codes(&f, ROLE_WERKGEVER), "wia_aanvraag"));
}

static void test_ended_and_max(void **state)
{
	(void)state;
	struct fx f;
	start(&f);
	f.p[0].to = D("2026-01-05") + 9;
	compute(&f, 10 + 28 + 1);
	assert_true(f.tl.ended);
	assert_string_equal(codes(&f, ROLE_WERKNEMER), "");

	start(&f);
	compute(&f, 3);
	const struct info_module *one[1];
	assert_int_equal(info_relevant(&f.tl, &f.in, ROLE_WERKNEMER, one, 1), 1);
	assert_string_equal(one[0]->code, "rechten_plichten");
	assert_int_equal(info_relevant(&f.tl, &f.in, ROLE_WERKNEMER, one, 0), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_library),
		cmocka_unit_test(test_first_weeks),
		cmocka_unit_test(test_week_and_event),
		cmocka_unit_test(test_ended_and_max),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
