-- Full-text search over questions (SQLite FTS5): title, description and resolution criteria, kept in
-- step with the questions table by triggers, so every transaction that writes a question writes its
-- index rows too. Keyed by question id (not rowid: VACUUM may renumber the rowids of a table whose
-- key is text). unicode61 with remove_diacritics folds case and accents ("Wiśniewska" ~ "wisniewska").
CREATE VIRTUAL TABLE `question_search` USING fts5(
  `question_id` UNINDEXED,
  `title`,
  `description`,
  `resolution_criteria`,
  tokenize = 'unicode61 remove_diacritics 2'
);
--> statement-breakpoint
CREATE TRIGGER `question_search_after_insert` AFTER INSERT ON `questions` BEGIN
  INSERT INTO `question_search` (`question_id`, `title`, `description`, `resolution_criteria`)
  VALUES (new.`id`, new.`title`, new.`description`, new.`resolution_criteria`);
END;
--> statement-breakpoint
CREATE TRIGGER `question_search_after_update` AFTER UPDATE OF `id`, `title`, `description`, `resolution_criteria` ON `questions` BEGIN
  DELETE FROM `question_search` WHERE `question_id` = old.`id`;
  INSERT INTO `question_search` (`question_id`, `title`, `description`, `resolution_criteria`)
  VALUES (new.`id`, new.`title`, new.`description`, new.`resolution_criteria`);
END;
--> statement-breakpoint
CREATE TRIGGER `question_search_after_delete` AFTER DELETE ON `questions` BEGIN
  DELETE FROM `question_search` WHERE `question_id` = old.`id`;
END;
--> statement-breakpoint
INSERT INTO `question_search` (`question_id`, `title`, `description`, `resolution_criteria`)
SELECT `id`, `title`, `description`, `resolution_criteria` FROM `questions`;
