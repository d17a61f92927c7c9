-- Full-text index over search_docs (external content). unicode61 with
-- remove_diacritics folds case and accents ("Café" finds "cafe"); prefix
-- indexes make "expor*" fast.
CREATE VIRTUAL TABLE `search_fts` USING fts5(
	title, body, extra,
	content='search_docs', content_rowid='id',
	tokenize='unicode61 remove_diacritics 2',
	prefix='2 3'
);
