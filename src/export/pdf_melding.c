/* pdf_melding.c - the 42-week data sheet as a document of the PDF model
 * (pdf.h): five short key/value sections and a note, one page. */
#include "pdf_melding.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "core/sickness.h"
#include "nl_text.h"
#include "pdf.h"

#define TODO "nog invullen"

static const char *or_todo(const char *s)
{
	return s != NULL && s[0] != '\0' ? s : TODO;
}

static enum pdf_mark mark_of(const char *s)
{
	return s != NULL && s[0] != '\0' ? PDF_MARK_NONE : PDF_MARK_MISSING;
}

/* "28,8" or "36": Dutch decimal comma, no trailing zeros. */
static void dutch_number(double v, char buf[32])
{
	snprintf(buf, 32, "%.2f", v);
	char *dot = strchr(buf, '.');
	if (dot == NULL)
		return;
	*dot = ',';
	size_t n = strlen(buf);
	while (buf[n - 1] == '0')
		buf[--n] = '\0';
	if (buf[n - 1] == ',')
		buf[n - 1] = '\0';
}

/* The texts the sheet prints, owned by the caller's stack frame. */
struct melding_text {
	char geboren[NL_DATE_MAX], eerste[NL_DATE_MAX], uiterlijk[NL_DATE_MAX],
		verzonden[NL_DATE_MAX + 16], today[NL_DATE_MAX];
	char percent[40], hours[48], note[400];
};

static void melding_texts(const struct pdf_melding *m, struct melding_text *t)
{
	nl_date_long(m->geboortedatum, t->geboren);
	nl_date_long(m->eerste_ziektedag, t->eerste);
	nl_date_long(m->uiterlijk, t->uiterlijk);
	nl_date_long(m->generated_on, t->today);
	if (m->verzonden != DATE_NONE) {
		char d[NL_DATE_MAX];
		nl_date_long(m->verzonden, d);
		snprintf(t->verzonden, sizeof t->verzonden, "verzonden op %s", d);
	} else {
		snprintf(t->verzonden, sizeof t->verzonden, "nog niet verzonden");
	}
	if (m->percent_bp > 0) {
		char p[16];
		sick_percent_format(m->percent_bp, p);
		for (char *c = p; *c; c++)
			if (*c == '.')
				*c = ',';
		snprintf(t->percent, sizeof t->percent, "%s%%", p);
	} else {
		snprintf(t->percent, sizeof t->percent, "%s",
			 m->percent_bp == 0 ? "0% (hersteld)" : "");
	}
	t->hours[0] = '\0';
	if (m->contract_hours > 0) {
		char h[32];
		dutch_number(m->contract_hours, h);
		snprintf(t->hours, sizeof t->hours, "%s uur per week", h);
	}
	snprintf(t->note, sizeof t->note,
		 "De werkgever meldt een werknemer die 42 weken ziek is bij UWV "
		 "(Ziektewet art. 38), uiterlijk op %s. De werknemer ontvangt een kopie van "
		 "deze melding. Dit gegevensblad bevat geen medische gegevens.",
		 t->uiterlijk[0] != '\0' ? t->uiterlijk : "de eerste werkdag na week 42");
}

int pdf_melding_render(const struct pdf_melding *m, unsigned char **out, size_t *len,
		       struct sw_error *err)
{
	struct melding_text t;
	melding_texts(m, &t);
	const char *hours = t.hours[0] != '\0' ? t.hours : NULL;
	const char *percent = t.percent[0] != '\0' ? t.percent : NULL;
	const char *born = t.geboren[0] != '\0' ? t.geboren : NULL;
	const struct pdf_kv werknemer[] = {
		{ "Naam", or_todo(m->werknemer), mark_of(m->werknemer) },
		{ "Geboortedatum", or_todo(born), mark_of(born) },
		{ "Personeelsnummer", or_todo(m->personeelsnummer), mark_of(m->personeelsnummer) },
	};
	/* The contact person belongs with the employer: one heading less keeps
	 * the sheet on one page. */
	const struct pdf_kv werkgever[] = {
		{ "Naam", or_todo(m->werkgever), mark_of(m->werkgever) },
		/* A soft hyphen: the word is longer than the key column. */
		{ "Loonheffingen\u00ADnummer", or_todo(m->loonheffingennummer),
		  mark_of(m->loonheffingennummer) },
		{ "Contactpersoon", or_todo(m->contact), mark_of(m->contact) },
		{ "E-mail contactpersoon", or_todo(m->contact_email), mark_of(m->contact_email) },
	};
	const struct pdf_kv verzuim[] = {
		{ "Eerste ziektedag", t.eerste, PDF_MARK_NONE },
		{ "Ziektepercentage", or_todo(percent), mark_of(percent) },
		{ "Contracturen", or_todo(hours), mark_of(hours) },
	};
	const struct pdf_kv melding[] = {
		{ "Uiterlijk melden op", t.uiterlijk, PDF_MARK_NONE },
		{ "Status", t.verzonden, PDF_MARK_NONE },
		{ "Referentie van UWV", m->referentie != NULL ? m->referentie : "geen", PDF_MARK_NONE },
	};
	const struct pdf_block blocks[] = {
		{ .kind = PDF_KV, .kv = werknemer, .nkv = 3 },
		{ .kind = PDF_KV, .kv = werkgever, .nkv = 4 },
		{ .kind = PDF_KV, .kv = verzuim, .nkv = 3 },
		{ .kind = PDF_KV, .kv = melding, .nkv = m->referentie != NULL ? 3 : 2 },
		{ .kind = PDF_NOTE, .text = t.note },
	};
	const struct pdf_section s[] = {
		{ 1, NULL, "Werknemer", PDF_MARK_NONE, NULL, &blocks[0], 1 },
		{ 1, NULL, "Werkgever", PDF_MARK_NONE, NULL, &blocks[1], 1 },
		{ 1, NULL, "Verzuim", PDF_MARK_NONE, NULL, &blocks[2], 1 },
		{ 1, NULL, "Melding bij UWV", PDF_MARK_NONE, NULL, &blocks[3], 2 },
	};
	char subtitle[512];
	snprintf(subtitle, sizeof subtitle, "%s - %s", or_todo(m->werknemer), or_todo(m->werkgever));
	const struct pdf_doc doc = {
		.title = "Ziekmelding langdurig zieke werknemer (42e week)",
		.subtitle = subtitle,
		.generated_on = m->generated_on,
		.author = "Spoorwijzer",
		.footer = "Spoorwijzer - gegevens voor de melding bij UWV",
		.sections = s,
		.nsections = sizeof s / sizeof s[0],
	};
	return pdf_render(&doc, out, len, err);
}

/* ---- the file name ---------------------------------------------------- */

/* The base letter of U+00C0..U+00FF ('-': not a letter). */
static const char latin1[] = "AAAAAAACEEEEIIIIDNOOOOO-OUUUUYTs"
			     "aaaaaaaceeeeiiiidnooooo-ouuuuyty";

void pdf_melding_filename(const char *name, sw_date first_sick_day,
			  char buf[PDF_MELDING_NAME_MAX])
{
	char slug[48];
	size_t n = 0;
	const char *p = name != NULL ? name : "";
	const char *space = strchr(p, ' ');
	if (space != NULL && space[1] != '\0')
		p = space + 1;
	for (const unsigned char *s = (const unsigned char *)p; *s && n + 1 < sizeof slug; s++) {
		char ch = '-';
		if (isalnum(*s) && *s < 0x80)
			ch = (char)tolower(*s);
		else if (*s == 0xC3 && s[1] >= 0x80 && s[1] <= 0xBF)
			ch = (char)tolower((unsigned char)latin1[*++s - 0x80]);
		if (ch == '-' && (n == 0 || slug[n - 1] == '-'))
			continue;
		slug[n++] = ch;
	}
	while (n > 0 && slug[n - 1] == '-')
		n--;
	slug[n] = '\0';
	char iso[DATE_STRLEN];
	date_format(first_sick_day, iso);
	snprintf(buf, PDF_MELDING_NAME_MAX, "melding-uwv-%s-%s.pdf", n > 0 ? slug : "werknemer",
		 iso);
}
