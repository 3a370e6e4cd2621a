/* test_steps.c - the step registry against docs/domain.md sections 4 and 5:
 * every timeline step says how it is recorded and by whom, agrees with the
 * document types that complete it, and the roles are the law's. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <string.h>
#include <cmocka.h>

#include "core/steps.h"

#define WN ROLE_BIT(ROLE_WERKNEMER)
#define WG ROLE_BIT(ROLE_WERKGEVER)
#define BA ROLE_BIT(ROLE_BEDRIJFSARTS)
#define AD ROLE_BIT(ROLE_ARBEIDSDESKUNDIGE)
#define RIP ROLE_BIT(ROLE_REINTEGRATIEPROFESSIONAL)

/* Every code has an entry, indexed by itself, and a document step's type
 * completes exactly that step (so the registry and doc_types.c agree). */
static void test_every_code_consistent(void **state)
{
	(void)state;
	for (int i = 0; i < TL_CODE__COUNT; i++) {
		const struct steps_info *s = steps_info((enum tl_code)i);
		assert_non_null(s);
		assert_int_equal(s->code, i);
		switch (s->via) {
		case STEPS_VIA_DOCUMENT:
			assert_int_equal(doc_type_info(s->document)->completes, i);
			assert_ptr_equal(steps_of_document(s->document), s);
			assert_int_not_equal(s->recorders, 0);
			break;
		case STEPS_VIA_EVENT:
			assert_int_equal(s->event, i);
			assert_ptr_equal(steps_of_event(s->event), s);
			assert_true(s->fields & STEPS_F_DATE);
			assert_int_not_equal(s->recorders, 0);
			break;
		case STEPS_VIA_NONE:
			assert_int_equal(s->recorders, 0);
			break;
		}
	}
	assert_null(steps_info(TL_CODE__COUNT));
}

struct expect {
	enum tl_code code;
	enum steps_via via;
	unsigned roles;
	int once;
};

static void test_roles_as_the_law_gives(void **state)
{
	(void)state;
	static const struct expect ex[] = {
		{ TL_ZIEKMELDING_ARBODIENST, STEPS_VIA_EVENT, WG, 1 },
		{ TL_PROBLEEMANALYSE, STEPS_VIA_DOCUMENT, BA, 1 },
		{ TL_PLAN_VAN_AANPAK, STEPS_VIA_DOCUMENT, WG | WN, 1 },
		{ TL_VOORTGANGSGESPREK, STEPS_VIA_DOCUMENT, WG, 0 },
		{ TL_MELDING_UWV, STEPS_VIA_EVENT, WG, 1 },
		{ TL_EERSTEJAARSEVALUATIE, STEPS_VIA_DOCUMENT, WG, 1 },
		{ TL_START_TWEEDE_SPOOR, STEPS_VIA_DOCUMENT, WG | RIP, 1 },
		{ TL_RE_INTEGRATIEVERSLAG, STEPS_VIA_DOCUMENT, WG, 1 },
		{ TL_WIA_AANVRAAG, STEPS_VIA_EVENT, WN | WG, 1 },
		{ TL_BESLISSING_LOONSANCTIE, STEPS_VIA_NONE, 0, 1 },
		{ TL_EINDE_WACHTTIJD, STEPS_VIA_NONE, 0, 1 },
		{ TL_ARBEIDSDESKUNDIG_ONDERZOEK, STEPS_VIA_DOCUMENT, AD, 0 },
		{ TL_ORIENTATIE_TWEEDE_SPOOR, STEPS_VIA_DOCUMENT, WG | RIP, 0 },
	};
	assert_int_equal(sizeof ex / sizeof ex[0], TL_CODE__COUNT);
	for (size_t i = 0; i < sizeof ex / sizeof ex[0]; i++) {
		const struct steps_info *s = steps_info(ex[i].code);
		assert_int_equal(s->via, ex[i].via);
		assert_int_equal(s->recorders, ex[i].roles);
		assert_int_equal(s->once, ex[i].once);
		for (int r = 0; r < ROLE__COUNT; r++)
			assert_int_equal(steps_may_record(ex[i].code, (enum role)r),
					 (ex[i].roles & ROLE_BIT(r)) != 0);
	}
	assert_false(steps_may_record(TL_MELDING_UWV, ROLE__COUNT));
	assert_false(steps_may_record(TL_CODE__COUNT, ROLE_WERKGEVER));
}

static void test_event_fields(void **state)
{
	(void)state;
	const char *names[3];
	size_t n = steps_field_names(steps_info(TL_MELDING_UWV)->fields, names);
	assert_int_equal(n, 3);
	assert_string_equal(names[0], "date");
	assert_string_equal(names[1], "reference");
	assert_string_equal(names[2], "note");
	assert_true(steps_info(TL_WIA_AANVRAAG)->fields & STEPS_F_REFERENCE);
	assert_false(steps_info(TL_ZIEKMELDING_ARBODIENST)->fields & STEPS_F_REFERENCE);
	/* Kinds that are no step's event are not governed by the registry. */
	assert_null(steps_of_event(TL_EV_UITSTEL_WIA_AANVRAAG));
	assert_null(steps_of_event(TL_EV_PROBLEEMANALYSE));
	assert_null(steps_of_document(DOC_ZOEKPROFIEL));
	assert_string_equal(steps_via_name(STEPS_VIA_EVENT), "event");
	assert_string_equal(steps_via_name(STEPS_VIA_DOCUMENT), "document");
}

static void test_roles_text(void **state)
{
	(void)state;
	char buf[80];
	steps_roles_text(WG, buf, sizeof buf);
	assert_string_equal(buf, "werkgever");
	steps_roles_text(WN | WG, buf, sizeof buf);
	assert_string_equal(buf, "werknemer or werkgever");
	steps_roles_text(WN | WG | RIP, buf, sizeof buf);
	assert_string_equal(buf, "werknemer, werkgever or re-integratieprofessional");
	steps_roles_text(WN | WG, buf, 8);
	assert_string_equal(buf, "werknem");
	steps_roles_text(0, buf, sizeof buf);
	assert_string_equal(buf, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_code_consistent),
		cmocka_unit_test(test_roles_as_the_law_gives),
		cmocka_unit_test(test_event_fields),
		cmocka_unit_test(test_roles_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
