-- The whole Conduit schema. Every change after the first release is a new file, never an
-- edit of this one: a database already in production has run it.

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    -- Emails compare without case: `Ann@Example.com` and `ann@example.com` are one user.
    email         TEXT NOT NULL UNIQUE COLLATE NOCASE,
    username      TEXT NOT NULL UNIQUE,
    -- An argon2 PHC string (`$argon2id$v=19$…`): algorithm, parameters, salt and hash.
    password_hash TEXT NOT NULL,
    bio           TEXT,
    image         TEXT,
    created_at    TEXT NOT NULL
);

CREATE TABLE follows (
    follower_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    followee_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    PRIMARY KEY (follower_id, followee_id)
);
CREATE INDEX follows_by_followee ON follows(followee_id);

CREATE TABLE articles (
    id          INTEGER PRIMARY KEY,
    slug        TEXT NOT NULL UNIQUE,
    title       TEXT NOT NULL,
    description TEXT NOT NULL,
    body        TEXT NOT NULL,
    author_id   INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    created_at  TEXT NOT NULL,
    updated_at  TEXT NOT NULL
);
-- Newest first is the order of every list and of the feed: by `id`, which only grows
-- (a new row gets one more than the largest id there is).
CREATE INDEX articles_by_author ON articles(author_id, id);

CREATE TABLE article_tags (
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    tag        TEXT NOT NULL,
    -- Tags are shown in the order the author gave them.
    position   INTEGER NOT NULL,
    PRIMARY KEY (article_id, tag)
);
CREATE INDEX article_tags_by_tag ON article_tags(tag);

CREATE TABLE favorites (
    user_id    INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (user_id, article_id)
);
CREATE INDEX favorites_by_article ON favorites(article_id);

CREATE TABLE comments (
    -- AUTOINCREMENT: an id is never handed out twice, even after the newest is deleted.
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    author_id  INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    body       TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX comments_by_article ON comments(article_id, id);
