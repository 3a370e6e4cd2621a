/* bench/persons.c - the employee register at the size of a large employer:
 * the CSV import of PERSONS persons (default 100,000) through the store's
 * import path (store_register_import, as POST .../persons/import and
 * `spoorwijzer persons import` use it), and the typeahead behind
 * GET /organisations/{id}/persons?q= (store_person_search, a page of 20
 * as a casemanager of the whole organisation sees it) over those persons.
 *
 *   persons --database URL [PERSONS [QUERIES]]
 *
 * The database must be empty (it is migrated here); bench/persons.sh runs
 * a fresh SQLite file and a throwaway PostgreSQL. Prints the import's time
 * and the process's peak RSS (getrusage) before and after it, then p50
 * and p99 of QUERIES searches (default 200) per kind of prefix: one, two
 * and three letters of a name word, and two, four and six digits of a
 * personnel number. The generated file is deterministic, so runs compare. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "store/store.h"

#define PAGE 20

static const char *const first_names[] = {
	"Anna", "Bram", "Daan", "Emma", "Eva", "Fleur", "Gijs", "Hanna", "Iris", "Jan",
	"Jasper", "Julia", "Kees", "Lars", "Lieke", "Lotte", "Luuk", "Mark", "Maud", "Milan",
	"Noah", "Noor", "Olivier", "Pieter", "Ruben", "Sanne", "Sem", "Sophie", "Thijs", "Tess",
	"Vera", "Wouter", "Yara", "Zoë", "Özlem", "Mohamed", "Fatima", "Sören", "Chloé", "Ilse",
};
static const char *const infixes[] = { "", "", "", "", "van ", "de ", "van der ", "van den " };
static const char *const last_names[] = {
	"Jansen", "Bakker", "Visser", "Smit", "Meijer", "Mulder", "Bos", "Vos", "Peters",
	"Hendriks", "Dekker", "Brouwer", "Dijkstra", "Koster", "Prins", "Huisman", "Kok",
	"Willems", "Maas", "Verhoeven", "Kuipers", "Schouten", "Veenstra", "Hoekstra", "Boer",
	"Groot", "Berg", "Wal", "Heuvel", "Leeuwen", "Yılmaz", "Özdemir", "El Amrani",
	"Kaya", "Nguyen", "Gils", "Mantel", "Ruiter", "Zwart", "Wit",
};
static const char *const departments[] = {
	"Inkoop", "Verkoop", "Logistiek", "Productie", "Onderhoud", "Financiën", "HR", "ICT",
	"Klantenservice", "Kwaliteit", "Planning", "Magazijn", "Facilitair", "Juridische zaken",
	"Marketing", "Communicatie", "Techniek", "Engineering", "Transport", "Administratie",
};
static const char *const functions[] = {
	"Medewerker", "Senior medewerker", "Teamleider", "Specialist", "Adviseur", "Monteur",
	"Planner", "Chauffeur", "Coördinator", "Analist",
};

#define COUNT(a) (sizeof a / sizeof a[0])

static uint64_t rng_next(uint64_t *s)
{
	/* splitmix64: deterministic, so runs are comparable */
	uint64_t z = (*s += 0x9E3779B97F4A7C15ull);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
	return z ^ (z >> 31);
}

static unsigned rng_below(uint64_t *s, unsigned n)
{
	return (unsigned)(rng_next(s) % n);
}

static double now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static long peak_rss_mb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss / 1024;      /* Linux: kilobytes */
}

static void die(const char *what, const struct sw_error *err)
{
	fprintf(stderr, "persons: %s: %s%s%s\n", what, err->message, *err->field ? " field " : "",
		err->field);
	exit(1);
}

/* Personnel number of person i: six digits from 100000. */
static unsigned number_of(size_t i)
{
	return 100000u + (unsigned)i;
}

/* An HR export of n persons: every tenth person manages the nine before it
 * (so most managers appear further down the file), one employment each. */
static char *generate(size_t n, size_t *len)
{
	const size_t cap = 160 * (n + 1);
	char *csv = malloc(cap);
	if (csv == NULL)
		return NULL;
	uint64_t s = 20260302;
	size_t off = (size_t)snprintf(csv, cap,
				      "personeelsnummer;naam;geboortedatum;afdeling;leidinggevende;"
				      "email;datum_in_dienst;contracturen;normuren;functie\r\n");
	for (size_t i = 0; i < n; i++) {
		const size_t block = i / 10 * 10 + 9;
		char manager[16] = "";
		if (i % 10 != 9 && block < n)
			snprintf(manager, sizeof manager, "%u", number_of(block));
		const unsigned hours = 16 + 4 * rng_below(&s, 6);
		off += (size_t)snprintf(
			csv + off, cap - off,
			"%u;%s %s%s;%04u-%02u-%02u;%s;%s;p%u@example.nl;%04u-%02u-01;%u;40;%s\r\n",
			number_of(i), first_names[rng_below(&s, COUNT(first_names))],
			infixes[rng_below(&s, COUNT(infixes))],
			last_names[rng_below(&s, COUNT(last_names))], 1960 + rng_below(&s, 44),
			1 + rng_below(&s, 12), 1 + rng_below(&s, 28),
			departments[rng_below(&s, COUNT(departments))], manager, number_of(i),
			1990 + rng_below(&s, 36), 1 + rng_below(&s, 12), hours,
			functions[rng_below(&s, COUNT(functions))]);
	}
	*len = off;
	return csv;
}

static int cmp_double(const void *a, const void *b)
{
	const double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

static double percentile(const double *sorted, size_t n, double p)
{
	const size_t rank = (size_t)ceil(p / 100.0 * (double)n);
	return sorted[rank == 0 ? 0 : rank - 1];
}

/* The query of kind k: a prefix of a name word (letters > 0) or of a
 * personnel number (-digits). */
static void query(uint64_t *s, int k, size_t n, char *out, size_t outsz)
{
	if (k > 0) {
		const char *w = rng_below(s, 2) == 0 ? first_names[rng_below(s, COUNT(first_names))]
						     : last_names[rng_below(s, COUNT(last_names))];
		/* Letters as typed: a multi-byte letter counts once. */
		size_t b = 0;
		for (int letters = 0; letters < k && w[b] != '\0'; letters++)
			do
				b++;
			while (((unsigned char)w[b] & 0xC0) == 0x80);
		snprintf(out, outsz, "%.*s", (int)b, w);
	} else {
		char number[16];
		snprintf(number, sizeof number, "%u", number_of(rng_below(s, (unsigned)n)));
		snprintf(out, outsz, "%.*s", -k, number);
	}
}

static void search(struct store *st, int64_t org, size_t n, size_t nq, int k)
{
	double *ms = malloc(nq * sizeof *ms);
	if (ms == NULL)
		exit(1);
	uint64_t s = 42 + (uint64_t)(k + 10);
	double matches = 0;
	char q[32];
	for (size_t i = 0; i < nq; i++) {
		query(&s, k, n, q, sizeof q);
		/* A casemanager without department limits: the common caller. */
		const struct store_person_filter f = {
			.organisation_id = org, .q = q, .restricted = 1, .scope_user = 1,
			.limit = PAGE,
		};
		struct store_arena a = { 0 };
		struct store_person *ps;
		size_t got;
		int64_t total;
		struct sw_error err = { 0 };
		const double t = now_ms();
		if (store_person_search(st, &a, &f, &ps, &got, &total, &err) != 0)
			die("store_person_search", &err);
		ms[i] = now_ms() - t;
		matches += (double)total;
		store_arena_free(&a);
	}
	qsort(ms, nq, sizeof *ms, cmp_double);
	char what[48];
	snprintf(what, sizeof what, k > 0 ? "name, %d letter%s" : "number, %d digit%s", abs(k),
		 abs(k) == 1 ? "" : "s");
	printf("  q=%-18s p50 %8.3f ms  p99 %8.3f ms  max %8.3f ms  (%zu queries, %.0f matches avg)\n",
	       what, percentile(ms, nq, 50), percentile(ms, nq, 99), ms[nq - 1], nq,
	       matches / (double)nq);
	free(ms);
}

int main(int argc, char **argv)
{
	if (argc < 3 || strcmp(argv[1], "--database") != 0) {
		fprintf(stderr, "usage: persons --database URL [PERSONS [QUERIES]]\n");
		return 2;
	}
	const char *url = argv[2];
	const size_t n = argc > 3 ? (size_t)atol(argv[3]) : 100000;
	const size_t nq = argc > 4 ? (size_t)atol(argv[4]) : 200;
	if (n == 0 || nq == 0) {
		fprintf(stderr, "usage: persons --database URL [PERSONS [QUERIES]]\n");
		return 2;
	}
	setvbuf(stdout, NULL, _IOLBF, 0);
	struct sw_error err = { 0 };
	struct store *st = store_open(url, &err);
	if (st == NULL)
		die(url, &err);
	int applied;
	int64_t org;
	const struct store_org o = { .name = "Bench BV", .kind = STORE_ORG_WERKGEVER };
	if (store_migrate(st, &applied, &err) != 0 || store_org_insert(st, &o, &org, &err) != 0)
		die("setup", &err);
	const char *kind = strncmp(url, "sqlite:", 7) == 0 ? "sqlite" : "postgresql";

	size_t len;
	double t = now_ms();
	char *csv = generate(n, &len);
	if (csv == NULL) {
		fprintf(stderr, "persons: out of memory\n");
		return 1;
	}
	printf("%s: generated %zu persons (%.1f MB of CSV) in %.0f ms; peak RSS %ld MB\n", kind, n,
	       (double)len / 1e6, now_ms() - t, peak_rss_mb());
	struct store_import_report rep;
	t = now_ms();
	if (store_register_import(st, org, csv, len, false, &rep, &err) != 0)
		die("store_register_import", &err);
	const double import_ms = now_ms() - t;
	if (rep.refused_total > 0) {
		fprintf(stderr, "persons: %zu lines refused, the first: line %zu %s: %s\n",
			rep.refused_total, rep.refused[0].line, rep.refused[0].field,
			rep.refused[0].message);
		return 1;
	}
	printf("%s: imported %zu persons (%zu created) in %.1f s (%.0f per second); peak RSS %ld MB\n",
	       kind, rep.lines, rep.created, import_ms / 1e3, (double)rep.lines / (import_ms / 1e3),
	       peak_rss_mb());
	store_import_report_free(&rep);
	free(csv);

	printf("%s: persons?q= over %zu persons, a page of %d:\n", kind, n, PAGE);
	static const int kinds[] = { 1, 2, 3, -2, -4, -6 };
	for (size_t i = 0; i < COUNT(kinds); i++)
		search(st, org, n, nq, kinds[i]);
	store_close(st);
	return 0;
}
