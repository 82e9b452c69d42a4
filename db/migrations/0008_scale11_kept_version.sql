-- A new database (nothing to derive yet) starts with kept tables of the current version; a database
-- that already holds forecasts or resolutions gets none, so `prepare` (npm start) rebuilds them once.
INSERT INTO `kept_state` (`key`, `value`)
SELECT 'kept_tables_version', 1
WHERE NOT EXISTS (SELECT 1 FROM `forecasts`) AND NOT EXISTS (SELECT 1 FROM `resolutions`);
