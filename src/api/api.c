/* api.c - the trampoline from the router to api handlers, and the
 * session hook that identifies the user of a request. */
#include "api.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

void api_app_init(struct api_app *app, struct store_pool *pool,
		  struct http_ratelimit *login_limit)
{
	memset(app, 0, sizeof *app);
	app->pool = pool;
	app->login_limit = login_limit;
	app->fixed_today = DATE_NONE;
}

int64_t api_now(void)
{
	return (int64_t)time(NULL);
}

/* The calendar day of the process's time zone: cmd_serve sets TZ to
 * Europe/Amsterdam once, before any thread starts (setenv is not
 * thread-safe, so it is not done here). */
static sw_date api_today(const struct api_app *app)
{
	if (app->fixed_today != DATE_NONE)
		return app->fixed_today;
	const time_t now = time(NULL);
	struct tm tm;
	localtime_r(&now, &tm);
	return date_from_ymd(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static int trampoline(struct http_request *req, struct http_response *res, void *ctx,
		      struct sw_error *err)
{
	const struct api_route *route = ctx;
	struct api_app *app = route->app;
	struct api_call c = {
		.app = app,
		.req = req,
		.user = req->auth,
		.today = api_today(app),
	};
	c.st = store_pool_get(app->pool);
	const int rc = route->fn(&c, res, err);
	store_arena_free(&c.arena);
	store_pool_put(app->pool, c.st);
	return rc;
}

int api_route(struct router *r, struct api_app *app, const char *method, const char *pattern,
	      api_handler_fn fn, struct sw_error *err)
{
	if (app->nroutes == API_MAX_ROUTES)
		return sw_error_set(err, SW_EINTERNAL, "", "more than %d API routes",
				    API_MAX_ROUTES);
	struct api_route *route = &app->routes[app->nroutes];
	route->app = app;
	route->fn = fn;
	if (router_add(r, method, pattern, trampoline, route, err) != 0)
		return -1;
	app->nroutes++;
	return 0;
}

/* Every resource file's register function, in the order routes are added. */
static int (*const resources[])(struct router *, struct api_app *, struct sw_error *) = {
	api_session_register,
	api_cases_register,
	api_messages_register,
	api_consents_register,
	api_info_register,
	api_decisions_register,
	api_medical_register,
	api_organisations_register,
	api_users_register,
	api_org_roles_register,
	api_invitations_register,
	api_participations_register,
	api_deviations_register,
	api_documents_register,
	api_exports_register,
	api_orientation_register,
	api_attachments_register,
	api_offers_register,
	api_zoekprofiel_register,
	api_matches_register,
	api_pipeline_register,
	api_spelregels_register,
	api_network_figures_register,
	api_monitoring_register,
	api_statistics_register,
	api_employments_register,
	api_persons_register,
	api_register_import_register,
	api_sickness_register,
};

int api_register_all(struct router *r, struct api_app *app, struct sw_error *err)
{
	char random[CRYPTO_TOKEN_STRLEN];
	if (crypto_init() != 0)
		return sw_error_set(err, SW_EINTERNAL, "", "libsodium cannot start");
	crypto_token(random);
	if (crypto_password_hash(random, app->dummy_hash) != 0)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	for (size_t i = 0; i < sizeof resources / sizeof resources[0]; i++)
		if (resources[i](r, app, err) != 0)
			return -1;
	return 0;
}

int api_require_user(const struct api_call *c, struct sw_error *err)
{
	if (c->user == NULL)
		return sw_error_set(err, SW_EAUTH, "", "not logged in");
	return 0;
}

/* Fills u from the session's user in one query; 0 when done, 1 when the
 * account was deactivated (its sessions are deleted then, but a request
 * may race that), -1 with err when the store fails. */
static int load_user(struct store *st, const struct store_session *s, struct api_user *u,
		     struct sw_error *err)
{
	struct store_arena a = { 0 };
	struct store_account acc;
	int rc = -1;
	if (store_account_get(st, &a, s->user_id, &acc, err) == 0) {
		u->id = acc.id;
		u->session_id = s->id;
		snprintf(u->name, sizeof u->name, "%s", acc.name);
		snprintf(u->email, sizeof u->email, "%s", acc.email);
		u->organisation_id = acc.organisation_id;
		u->is_beheerder = acc.is_beheerder != 0;
		rc = acc.active ? 0 : 1;
	}
	store_arena_free(&a);
	return rc;
}

/* Looks the token up; 1 with *u filled and csrf copied, 0 when there is no
 * such live session, -1 when the store failed. */
static int find_session(struct store *st, const char *token, struct api_user *u,
			char csrf[HTTP_CSRF_TOKEN_LEN + 1], struct sw_error *err)
{
	char digest[CRYPTO_DIGEST_STRLEN];
	crypto_token_digest(token, digest);
	struct store_arena a = { 0 };
	struct store_session s;
	struct sw_error e;
	int rc = store_session_get_by_digest(st, &a, digest, api_now(), &s, &e);
	if (rc != 0) {
		rc = e.code == SW_ENOTFOUND ? 0 : -1;
		if (rc < 0 && err != NULL)
			*err = e;
	} else if (strlen(s.csrf_token) != HTTP_CSRF_TOKEN_LEN) {
		rc = sw_error_set(err, SW_EINTERNAL, "session", "stored CSRF token malformed");
	} else if ((rc = load_user(st, &s, u, err)) == 0) {
		memcpy(csrf, s.csrf_token, HTTP_CSRF_TOKEN_LEN + 1);
		rc = 1;
	} else if (rc == 1) {
		rc = 0;  /* a deactivated account: anonymous */
	}
	store_arena_free(&a);
	return rc;
}

int api_authenticate(struct http_request *req, void *ctx, struct sw_error *err)
{
	struct api_app *app = ctx;
	char token[CRYPTO_TOKEN_STRLEN];
	if (http_request_cookie(req, API_SESSION_COOKIE, token, sizeof token) <= 0)
		return 0;
	struct api_user *u = calloc(1, sizeof *u);
	if (u == NULL)
		return sw_error_set(err, SW_EINTERNAL, "", "out of memory");
	char csrf[HTTP_CSRF_TOKEN_LEN + 1];
	struct store *st = store_pool_get(app->pool);
	const int rc = find_session(st, token, u, csrf, err);
	store_pool_put(app->pool, st);
	if (rc != 1) {
		free(u);
		return rc;
	}
	req->auth = u;
	req->auth_free = free;
	memcpy(req->csrf_token, csrf, sizeof csrf);
	return 0;
}
