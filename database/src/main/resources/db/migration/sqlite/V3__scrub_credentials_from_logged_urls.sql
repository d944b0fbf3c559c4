-- Request URLs were stored with their query, and the Gemini door takes its key as ?key=: drop the
-- query of every stored endpoint that may hold a credential (a credential-looking parameter name,
-- or any percent-escape that could spell one). Rows written from now on are redacted on the way in.
UPDATE request_logs
SET endpoint = substr(endpoint, 1, instr(endpoint, '?') - 1)
WHERE instr(endpoint, '?') > 0
  AND (lower(endpoint) LIKE '%key%'
    OR lower(endpoint) LIKE '%token%'
    OR lower(endpoint) LIKE '%secret%'
    OR lower(endpoint) LIKE '%passw%'
    OR lower(endpoint) LIKE '%pwd%'
    OR lower(endpoint) LIKE '%auth%'
    OR lower(endpoint) LIKE '%sig%'
    OR lower(endpoint) LIKE '%credential%'
    OR lower(endpoint) LIKE '%session%'
    OR lower(endpoint) LIKE '%cookie%'
    OR endpoint LIKE '%\%%' ESCAPE '\');
