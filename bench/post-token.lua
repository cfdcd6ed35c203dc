-- wrk: client_credentials for the dev client, form-encoded, keep-alive.
-- No response() callback: wrk counts non-2xx answers itself (bench/run.sh fails on any), and a Lua callback per
-- response cost wrk a fifth more CPU, taken from the two cores the server shares with it.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
wrk.body = "grant_type=client_credentials&client_id=myapp&client_secret=secret"
