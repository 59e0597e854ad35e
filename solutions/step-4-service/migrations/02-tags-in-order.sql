-- An article's tags are read in the author's order with every article shown. Without this
-- index SQLite finds them by `article_id` and then sorts them (`EXPLAIN QUERY PLAN`: "USE
-- TEMP B-TREE FOR ORDER BY"), once per article; with it they are read in order, from the
-- index alone.
CREATE INDEX article_tags_in_order ON article_tags(article_id, position, tag);
