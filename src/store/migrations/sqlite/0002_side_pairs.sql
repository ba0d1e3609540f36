-- Side pairs and relation counts: what "events between two actors" and "relations of an actor" read at a million
-- events, instead of joining every participant of every event to every other (see docs/postgres.md, "Query plans").
--
-- side_pairs holds, for each event, every ordered pair of different sides (country ISO3 or organisation code) that
-- its participants stand for: an event of AZE, AZE and EU gives (AZE, EU) and (EU, AZE). Its key is also the order of
-- an event list, so "between AZE and EU since 2016" reads one index range in date order and stops at the page's end.
-- `contact` says whether the event counts as a contact in relations: current, counted, neither planned nor
-- background, not a stance.
--
-- relation_counts sums the contact pairs by (a, b, year, mode), with the first and last date of each group: the
-- relations of the busiest side are a few hundred rows, whatever the size of the archive.
--
-- Both are kept by triggers, so that every path that writes events or participants (ingest, revisions, recounts,
-- merges, splits, corrections, copies) keeps them right without knowing of them.

CREATE TABLE side_pairs (
  a         TEXT NOT NULL,
  b         TEXT NOT NULL,
  sort_date TEXT NOT NULL,
  event_id  INTEGER NOT NULL REFERENCES events(id),
  mode      TEXT NOT NULL,
  contact   INTEGER NOT NULL,
  PRIMARY KEY (a, b, sort_date, event_id)
) WITHOUT ROWID;
CREATE INDEX side_pairs_event ON side_pairs(event_id);

CREATE TABLE relation_counts (
  a     TEXT NOT NULL,
  b     TEXT NOT NULL,
  year  TEXT NOT NULL,                         -- the first four characters of the date; '' when undated
  mode  TEXT NOT NULL,
  n     INTEGER NOT NULL,
  first TEXT NOT NULL,
  last  TEXT NOT NULL,
  PRIMARY KEY (a, b, year, mode)
) WITHOUT ROWID;

-- The archive as it stands.
INSERT INTO side_pairs (a, b, sort_date, event_id, mode, contact)
  SELECT DISTINCT p.side, o.side, e.sort_date, e.id, e.mode,
    (e.current = 1 AND e.counted = 1 AND e.planned = 0 AND e.background = 0 AND e.mode <> 'statement')
  FROM events e JOIN event_participants p ON p.event_id = e.id JOIN event_participants o ON o.event_id = e.id
  WHERE p.side IS NOT NULL AND o.side IS NOT NULL AND p.side <> o.side;
INSERT INTO relation_counts (a, b, year, mode, n, first, last)
  SELECT a, b, substr(sort_date, 1, 4), mode, count(*), min(sort_date), max(sort_date)
  FROM side_pairs WHERE contact = 1 GROUP BY a, b, substr(sort_date, 1, 4), mode;

-- Participants: a new one pairs with the others; a changed or removed one has its event's pairs made again.
CREATE TRIGGER event_participants_pairs_insert AFTER INSERT ON event_participants WHEN NEW.side IS NOT NULL
BEGIN
  INSERT OR IGNORE INTO side_pairs (a, b, sort_date, event_id, mode, contact)
    SELECT x.a, x.b, e.sort_date, e.id, e.mode, (e.current = 1 AND e.counted = 1 AND e.planned = 0 AND e.background = 0 AND e.mode <> 'statement')
    FROM events e JOIN (SELECT NEW.side AS a, o.side AS b FROM event_participants o WHERE o.event_id = NEW.event_id AND o.side IS NOT NULL AND o.side <> NEW.side
                        UNION SELECT o.side, NEW.side FROM event_participants o WHERE o.event_id = NEW.event_id AND o.side IS NOT NULL AND o.side <> NEW.side) x
    WHERE e.id = NEW.event_id;
END;

CREATE TRIGGER event_participants_pairs_update AFTER UPDATE OF side, event_id ON event_participants
  WHEN OLD.side IS NOT NEW.side OR OLD.event_id <> NEW.event_id
BEGIN
  DELETE FROM side_pairs WHERE event_id IN (OLD.event_id, NEW.event_id);
  INSERT INTO side_pairs (a, b, sort_date, event_id, mode, contact)
    SELECT DISTINCT p.side, o.side, e.sort_date, e.id, e.mode, (e.current = 1 AND e.counted = 1 AND e.planned = 0 AND e.background = 0 AND e.mode <> 'statement')
    FROM events e JOIN event_participants p ON p.event_id = e.id JOIN event_participants o ON o.event_id = e.id
    WHERE e.id IN (OLD.event_id, NEW.event_id) AND p.side IS NOT NULL AND o.side IS NOT NULL AND p.side <> o.side;
END;

CREATE TRIGGER event_participants_pairs_delete AFTER DELETE ON event_participants WHEN OLD.side IS NOT NULL
BEGIN
  DELETE FROM side_pairs WHERE event_id = OLD.event_id;
  INSERT INTO side_pairs (a, b, sort_date, event_id, mode, contact)
    SELECT DISTINCT p.side, o.side, e.sort_date, e.id, e.mode, (e.current = 1 AND e.counted = 1 AND e.planned = 0 AND e.background = 0 AND e.mode <> 'statement')
    FROM events e JOIN event_participants p ON p.event_id = e.id JOIN event_participants o ON o.event_id = e.id
    WHERE e.id = OLD.event_id AND p.side IS NOT NULL AND o.side IS NOT NULL AND p.side <> o.side;
END;

-- Events: a report that stops or starts counting, or a changed date or mode, carries over to its pairs.
CREATE TRIGGER events_pairs_update AFTER UPDATE OF current, counted, planned, background, mode, sort_date ON events
  WHEN (OLD.current = 1 AND OLD.counted = 1 AND OLD.planned = 0 AND OLD.background = 0 AND OLD.mode <> 'statement')
       IS NOT (NEW.current = 1 AND NEW.counted = 1 AND NEW.planned = 0 AND NEW.background = 0 AND NEW.mode <> 'statement')
    OR OLD.sort_date <> NEW.sort_date OR OLD.mode <> NEW.mode
BEGIN
  UPDATE side_pairs SET sort_date = NEW.sort_date, mode = NEW.mode,
    contact = (NEW.current = 1 AND NEW.counted = 1 AND NEW.planned = 0 AND NEW.background = 0 AND NEW.mode <> 'statement')
  WHERE event_id = NEW.id;
END;

CREATE TRIGGER events_pairs_delete AFTER DELETE ON events
BEGIN
  DELETE FROM side_pairs WHERE event_id = OLD.id;
END;

-- Pairs: a contact pair added or removed moves its group's count, first and last date.
CREATE TRIGGER side_pairs_count_insert AFTER INSERT ON side_pairs WHEN NEW.contact = 1
BEGIN
  INSERT INTO relation_counts (a, b, year, mode, n, first, last) VALUES (NEW.a, NEW.b, substr(NEW.sort_date, 1, 4), NEW.mode, 1, NEW.sort_date, NEW.sort_date)
    ON CONFLICT (a, b, year, mode) DO UPDATE SET n = n + 1, first = min(first, excluded.first), last = max(last, excluded.last);
END;

CREATE TRIGGER side_pairs_count_delete AFTER DELETE ON side_pairs WHEN OLD.contact = 1
BEGIN
  UPDATE relation_counts SET n = n - 1 WHERE a = OLD.a AND b = OLD.b AND year = substr(OLD.sort_date, 1, 4) AND mode = OLD.mode;
  DELETE FROM relation_counts WHERE a = OLD.a AND b = OLD.b AND year = substr(OLD.sort_date, 1, 4) AND mode = OLD.mode AND n <= 0;
  UPDATE relation_counts SET
    first = (SELECT min(s.sort_date) FROM side_pairs s WHERE s.a = OLD.a AND s.b = OLD.b AND s.sort_date >= relation_counts.year AND s.sort_date < relation_counts.year || '~'
               AND s.contact = 1 AND s.mode = OLD.mode),
    last = (SELECT max(s.sort_date) FROM side_pairs s WHERE s.a = OLD.a AND s.b = OLD.b AND s.sort_date >= relation_counts.year AND s.sort_date < relation_counts.year || '~'
               AND s.contact = 1 AND s.mode = OLD.mode)
  WHERE a = OLD.a AND b = OLD.b AND year = substr(OLD.sort_date, 1, 4) AND mode = OLD.mode AND year <> '' AND OLD.sort_date IN (first, last);
END;

CREATE TRIGGER side_pairs_count_update_old AFTER UPDATE ON side_pairs WHEN OLD.contact = 1
BEGIN
  UPDATE relation_counts SET n = n - 1 WHERE a = OLD.a AND b = OLD.b AND year = substr(OLD.sort_date, 1, 4) AND mode = OLD.mode;
  DELETE FROM relation_counts WHERE a = OLD.a AND b = OLD.b AND year = substr(OLD.sort_date, 1, 4) AND mode = OLD.mode AND n <= 0;
  UPDATE relation_counts SET
    first = (SELECT min(s.sort_date) FROM side_pairs s WHERE s.a = OLD.a AND s.b = OLD.b AND s.sort_date >= relation_counts.year AND s.sort_date < relation_counts.year || '~'
               AND s.contact = 1 AND s.mode = OLD.mode),
    last = (SELECT max(s.sort_date) FROM side_pairs s WHERE s.a = OLD.a AND s.b = OLD.b AND s.sort_date >= relation_counts.year AND s.sort_date < relation_counts.year || '~'
               AND s.contact = 1 AND s.mode = OLD.mode)
  WHERE a = OLD.a AND b = OLD.b AND year = substr(OLD.sort_date, 1, 4) AND mode = OLD.mode AND year <> '' AND OLD.sort_date IN (first, last);
END;

CREATE TRIGGER side_pairs_count_update_new AFTER UPDATE ON side_pairs WHEN NEW.contact = 1
BEGIN
  INSERT INTO relation_counts (a, b, year, mode, n, first, last) VALUES (NEW.a, NEW.b, substr(NEW.sort_date, 1, 4), NEW.mode, 1, NEW.sort_date, NEW.sort_date)
    ON CONFLICT (a, b, year, mode) DO UPDATE SET n = n + 1, first = min(first, excluded.first), last = max(last, excluded.last);
END;

-- Search finds current revisions only: revisions superseded before this version leave the full-text index (each
-- with the values it was indexed with), as later ones do when a newer revision arrives.
INSERT INTO dispatch_fts (dispatch_fts, rowid, title, text) SELECT 'delete', id, coalesce(title, ''), text FROM dispatches WHERE current = 0;

-- Names found by any part ("hadji" in "hikmet hadjiyev") from an index: every folded name form, in an FTS5 table of
-- trigrams (PostgreSQL has pg_trgm for this). Forms are only added: a form no entity bears any more finds nothing,
-- since lookups go through entity_names.
CREATE VIRTUAL TABLE name_trigrams USING fts5(name_fold, tokenize = 'trigram');
INSERT INTO name_trigrams (name_fold) SELECT DISTINCT name_fold FROM entity_names;
CREATE TRIGGER entity_names_trigrams AFTER INSERT ON entity_names
  WHEN NOT EXISTS (SELECT 1 FROM entity_names o WHERE o.name_fold = NEW.name_fold AND (o.entity_id <> NEW.entity_id OR o.name <> NEW.name))
BEGIN
  INSERT INTO name_trigrams (name_fold) VALUES (NEW.name_fold);
END;
