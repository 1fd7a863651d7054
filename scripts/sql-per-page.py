#!/usr/bin/env python3
"""The SQL alone behind the pages of the load test (docs/benchmarks.md).

Against a running application whose embedded PostgreSQL has pg_stat_statements loaded
(ALTER SYSTEM SET shared_preload_libraries = 'pg_stat_statements', restart, CREATE EXTENSION):
each page is asked 3 times to warm up, then 10 times one after another; the statistics are reset
before and read after, so the figures are the server's execution time of every statement the page
ran, per request, next to the whole request's time seen by the client.

    scripts/sql-per-page.py http://localhost:8080 <postgres port>
"""
import base64, http.cookiejar, json, re, subprocess, sys, time, urllib.parse, urllib.request

BASE, PGPORT = sys.argv[1], sys.argv[2]
PASSWORD = 'NtmDemo@2026'


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *a, **k):
        return None


def client(username):
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect)
    form = opener.open(BASE + '/login').read().decode()
    csrf = re.search(r'name="_csrf" value="([^"]+)"', form).group(1)
    try:
        opener.open(BASE + '/login', urllib.parse.urlencode(
            {'username': username, 'password': PASSWORD, '_csrf': csrf}).encode())
    except urllib.error.HTTPError as e:
        assert e.code == 302, e.code
    return opener


def call(opener, path, data=None):
    try:
        r = opener.open(BASE + path, urllib.parse.urlencode(data).encode() if data else None)
        return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()


def basic(path, body=None):
    auth = base64.b64encode(('admin:' + PASSWORD).encode()).decode()
    req = urllib.request.Request(BASE + path, data=json.dumps(body).encode() if body else None,
                                 headers={'Authorization': 'Basic ' + auth, 'Content-Type': 'application/json'})
    return json.loads(urllib.request.urlopen(req).read())


def psql(sql):
    return subprocess.run(['psql', '-h', 'localhost', '-p', PGPORT, '-U', 'postgres', '-d', 'ntm', '-Atc', sql],
                          capture_output=True, text=True, check=True).stdout.strip()


def measure(name, request, n=10):
    for _ in range(3):
        request()
    psql('select pg_stat_statements_reset()')
    start = time.perf_counter()
    for _ in range(n):
        status = request()
        assert status in (200, 302), (name, status)
    wall = (time.perf_counter() - start) * 1000 / n
    row = psql("select coalesce(sum(total_exec_time), 0), coalesce(sum(calls), 0) from pg_stat_statements "
               "where query not ilike '%pg_stat_statements%'")
    sql_ms, calls = (float(x) for x in row.split('|'))
    print(f'| {name} | {wall:.1f} | {sql_ms / n:.1f} | {calls / n:.0f} |')


set_id = basic('/api/v1/criteria-sets?code=QD318_XA_NTM')[0]['id']
tan_my = basic('/api/v1/units?code=02308&at=2025-07-01')['id'] if isinstance(
    basic('/api/v1/units?code=02308&at=2025-07-01'), dict) else basic('/api/v1/units?code=02308&at=2025-07-01')[0]['id']
quang_nam = basic('/api/v1/units?code=49&at=2024-06-30')
quang_nam = quang_nam['id'] if isinstance(quang_nam, dict) else quang_nam[0]['id']
mine = [a for a in basic(f'/api/v1/units/{tan_my}/assessments') if a['setId'] == set_id and a['year'] == 2025]
assessment = mine[0]['id'] if mine else basic('/api/v1/assessments', {'unitId': tan_my, 'setId': set_id, 'year': 2025})['id']

officer = client('tanmy')
province = client('quangnam')
state = {}


def entry():
    status, body = call(officer, f'/assessments/{assessment}/entry')
    state['csrf'] = re.search(r'name="_csrf" content="([^"]+)"', body).group(1)
    state['version'] = re.search(r'name="expectedVersion" value="(\d+)"', body).group(1)
    return status


def save():
    entry()
    state['verdict'] = 'NOT_MET' if state.get('verdict') == 'MET' else 'MET'
    psql_before = None
    return call(officer, f'/assessments/{assessment}/entries', {'_csrf': state['csrf'], 'expectedVersion': state['version'],
                                                                'c.1': state['verdict'], 'source': 'Đo SQL'})[0]


print('| page | whole request, ms | SQL alone (server execution), ms | statements |')
print('|---|---|---|---|')
measure('unit page `/units/{Tân Mỹ}`', lambda: call(officer, f'/units/{tan_my}')[0])
measure('entry page `/assessments/{id}/entry`', entry)
measure('save (entry page read + form post)', save)
measure('province matrix page (Quảng Nam, 2023)',
        lambda: call(province, f'/units/{quang_nam}/evaluations/matrix?set={set_id}&year=2023')[0])
measure('province matrix API', lambda: call(province, f'/api/v1/units/{quang_nam}/evaluations/matrix?set={set_id}&year=2023')[0])
