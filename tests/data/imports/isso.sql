-- An Isso database written for the tests, in Isso's own schema (isso/db/threads.py, comments.py):
-- modes 1 (accepted), 2 (waiting for moderation), 4 (deleted, kept for its replies).
CREATE TABLE threads (id INTEGER PRIMARY KEY, uri VARCHAR(256) UNIQUE, title VARCHAR(256));
CREATE TABLE comments (
    tid REFERENCES threads(id), id INTEGER PRIMARY KEY, parent INTEGER,
    created FLOAT NOT NULL, modified FLOAT, mode INTEGER, remote_addr VARCHAR,
    text VARCHAR, author VARCHAR, email VARCHAR, website VARCHAR,
    likes INTEGER DEFAULT 0, dislikes INTEGER DEFAULT 0, voters BLOB NOT NULL,
    notification INTEGER DEFAULT 0);
CREATE TABLE preferences (key VARCHAR PRIMARY KEY, value VARCHAR);
INSERT INTO preferences VALUES ('session-key', 'abc');
INSERT INTO threads VALUES (1, '/2019/05/bridge-reopens/', 'Bridge reopens');
INSERT INTO threads VALUES (2, '/ku/ava-hewlere/', NULL);
INSERT INTO comments VALUES (1, 1, NULL, 1556701200.0, NULL, 1, '203.0.113.0', 'Finally **open** again.', 'Layla', 'layla@example.org', NULL, 2, 0, x'00', 1);
INSERT INTO comments VALUES (1, 2, 1, 1556704800.5, NULL, 1, '203.0.113.0', 'Two years, though.', NULL, NULL, NULL, 0, 0, x'00', 0);
INSERT INTO comments VALUES (1, 3, NULL, 1556708400.0, NULL, 2, '198.51.100.0', 'Waiting for a moderator in Isso.', 'Held', 'held@example.org', NULL, 0, 0, x'00', 0);
INSERT INTO comments VALUES (1, 4, NULL, 1556712000.0, 1556715600.0, 4, '198.51.100.0', '', NULL, NULL, NULL, 0, 0, x'00', 0);
INSERT INTO comments VALUES (1, 5, 4, 1556713000.0, NULL, 1, '198.51.100.0', 'Replying to what is now deleted.', 'Omar', 'omar@example.org', NULL, 0, 0, x'00', 0);
INSERT INTO comments VALUES (1, 6, 5, 1556714000.0, NULL, 1, '198.51.100.0', 'A reply to a reply.', 'Layla', 'layla@example.org', NULL, 0, 0, x'00', 0);
INSERT INTO comments VALUES (2, 7, NULL, 1559379600.0, NULL, 1, '192.0.2.0', 'Divê şaredarî lêçûna avê eşkere bike.', 'Rojîn', 'rojin@example.org', NULL, 0, 0, x'00', 0);
INSERT INTO comments VALUES (2, 8, 7, 1559380600.0, NULL, 1, '192.0.2.0', 'شارەوانی دەبێت نرخی ئاو ڕابگەیەنێت', 'ئاری', NULL, NULL, 0, 0, x'00', 0);
