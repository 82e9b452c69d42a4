-- Each forecaster's latest forecast on each question, from the forecasts already stored (a desk that
-- upgrades; `prepare` then rebuilds every kept table too, as KEPT_TABLES_VERSION changed).
INSERT INTO `kept_latest_forecasts` (`question_id`, `forecaster_id`, `forecast_id`, `made_at`)
SELECT `question_id`, `forecaster_id`, `id`, `made_at` FROM (
  SELECT `question_id`, `forecaster_id`, `id`, `made_at`,
         row_number() OVER (PARTITION BY `question_id`, `forecaster_id` ORDER BY `made_at` DESC, `id` DESC) AS `latest`
  FROM `forecasts`
) WHERE `latest` = 1;
