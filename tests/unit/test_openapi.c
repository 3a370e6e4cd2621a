/* test_openapi.c - docs/openapi.yaml against the routes the server
 * registers: every documented operation is served, every served operation
 * is documented, and every operation documents its responses. The YAML is
 * read line by line: paths are the keys at indent 2 under "paths:", the
 * operations the method keys at indent 4. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <cmocka.h>

#include "api/api.h"
#include "http/http_health.h"
#include "http/http_metrics.h"
#include "http/http_router.h"

#define MAX_OPS 256

struct op {
	char method[8];
	char path[256];
	int responses;   /* a "responses:" key seen under it */
	int error_status; /* a 4xx response documented */
};

static struct op ops[MAX_OPS];
static size_t nops;

static void upcase(char *s)
{
	for (; *s; s++)
		if (*s >= 'a' && *s <= 'z')
			*s = (char)(*s - 'a' + 'A');
}

static void load_spec(void)
{
	FILE *f = fopen("docs/openapi.yaml", "r");
	assert_non_null(f);
	char line[1024], path[256] = "";
	int in_paths = 0;
	while (fgets(line, sizeof line, f)) {
		char key[256], m[8];
		if (strncmp(line, "paths:", 6) == 0) {
			in_paths = 1;
			continue;
		}
		if (!in_paths)
			continue;
		if (line[0] != ' ' && line[0] != '\n')
			in_paths = 0; /* next top-level key */
		else if (sscanf(line, "  %255[^:]:", key) == 1 && line[2] == '/')
			snprintf(path, sizeof path, "%s", key);
		else if (line[4] != ' ' && sscanf(line, "    %7[a-z]:", m) == 1 &&
			 strstr("get post put patch delete", m) != NULL) {
			assert_true(nops < MAX_OPS);
			memcpy(ops[nops].method, m, sizeof m);
			upcase(ops[nops].method);
			snprintf(ops[nops].path, sizeof ops[nops].path, "%s", path);
			nops++;
		} else if (nops > 0 && strstr(line, "      responses:") == line) {
			ops[nops - 1].responses = 1;
		} else if (nops > 0 && strncmp(line, "        '4", 10) == 0) {
			ops[nops - 1].error_status = 1;
		}
	}
	fclose(f);
}

static int documented(const char *method, const char *pattern)
{
	for (size_t i = 0; i < nops; i++)
		if (strcmp(ops[i].method, method) == 0 && strcmp(ops[i].path, pattern) == 0)
			return 1;
	return 0;
}

static void spec_matches_router(void **state)
{
	(void)state;
	load_spec();
	assert_true(nops > 0);

	struct sw_error err = { 0 };
	struct router *r = router_new();
	static struct api_app app;
	api_app_init(&app, NULL, NULL);
	assert_int_equal(http_health_register(r, NULL, &err), 0);
	struct http_metrics *metrics = http_metrics_new(NULL, NULL);
	assert_int_equal(http_metrics_register(r, metrics, &err), 0);
	assert_int_equal(api_register_all(r, &app, &err), 0);

	for (size_t i = 0; i < router_count(r); i++) {
		const char *method, *pattern;
		router_route(r, i, &method, &pattern);
		if (!documented(method, pattern))
			fail_msg("served but not in docs/openapi.yaml: %s %s", method, pattern);
	}
	for (size_t i = 0; i < nops; i++) {
		size_t j;
		for (j = 0; j < router_count(r); j++) {
			const char *method, *pattern;
			router_route(r, j, &method, &pattern);
			if (strcmp(ops[i].method, method) == 0 && strcmp(ops[i].path, pattern) == 0)
				break;
		}
		if (j == router_count(r))
			fail_msg("documented but not served: %s %s", ops[i].method, ops[i].path);
		if (!ops[i].responses)
			fail_msg("%s %s documents no responses", ops[i].method, ops[i].path);
		if (strcmp(ops[i].method, "GET") != 0 && !ops[i].error_status)
			fail_msg("%s %s documents no 4xx response", ops[i].method, ops[i].path);
	}
	router_free(r);
	http_metrics_free(metrics);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(spec_matches_router),
	};
	return cmocka_run_group_tests_name("openapi", tests, NULL, NULL);
}
