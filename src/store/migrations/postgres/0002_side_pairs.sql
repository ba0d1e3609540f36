-- Side pairs and relation counts: what "events between two actors" and "relations of an actor" read at a million
-- events, instead of joining every participant of every event to every other. The same tables and rules as the
-- embedded store's migrations/sqlite/0002_side_pairs.sql (read it for the why); here the triggers are PL/pgSQL.

CREATE TABLE side_pairs (
  a         text COLLATE "C" NOT NULL,
  b         text COLLATE "C" NOT NULL,
  sort_date text COLLATE "C" NOT NULL,
  event_id  bigint NOT NULL REFERENCES events(id),
  mode      text COLLATE "C" NOT NULL,
  contact   boolean NOT NULL,
  PRIMARY KEY (a, b, sort_date, event_id)
);
CREATE INDEX side_pairs_event ON side_pairs(event_id);

CREATE TABLE relation_counts (
  a     text COLLATE "C" NOT NULL,
  b     text COLLATE "C" NOT NULL,
  year  text COLLATE "C" NOT NULL,
  mode  text COLLATE "C" NOT NULL,
  n     integer NOT NULL,
  first text COLLATE "C" NOT NULL,
  last  text COLLATE "C" NOT NULL,
  PRIMARY KEY (a, b, year, mode)
);

-- Whether an event counts as a contact in relations.
CREATE FUNCTION communique_contact(e events) RETURNS boolean LANGUAGE sql IMMUTABLE AS $$
  SELECT e.current AND e.counted AND NOT e.planned AND NOT e.background AND e.mode <> 'statement'
$$;

-- The archive as it stands.
INSERT INTO side_pairs (a, b, sort_date, event_id, mode, contact)
  SELECT DISTINCT p.side, o.side, e.sort_date, e.id, e.mode, communique_contact(e)
  FROM events e JOIN event_participants p ON p.event_id = e.id JOIN event_participants o ON o.event_id = e.id
  WHERE p.side IS NOT NULL AND o.side IS NOT NULL AND p.side <> o.side;
INSERT INTO relation_counts (a, b, year, mode, n, first, last)
  SELECT a, b, substr(sort_date, 1, 4), mode, count(*), min(sort_date), max(sort_date)
  FROM side_pairs WHERE contact GROUP BY a, b, substr(sort_date, 1, 4), mode;

-- The pairs of some events made again from their participants.
CREATE FUNCTION communique_repair(ids bigint[]) RETURNS void LANGUAGE sql AS $$
  DELETE FROM side_pairs WHERE event_id = ANY(ids);
  INSERT INTO side_pairs (a, b, sort_date, event_id, mode, contact)
    SELECT DISTINCT p.side, o.side, e.sort_date, e.id, e.mode, communique_contact(e)
    FROM events e JOIN event_participants p ON p.event_id = e.id JOIN event_participants o ON o.event_id = e.id
    WHERE e.id = ANY(ids) AND p.side IS NOT NULL AND o.side IS NOT NULL AND p.side <> o.side;
$$;

-- Participants: a new one pairs with the others; a changed or removed one has its event's pairs made again.
CREATE FUNCTION communique_participants_pairs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO side_pairs (a, b, sort_date, event_id, mode, contact)
      SELECT x.a, x.b, e.sort_date, e.id, e.mode, communique_contact(e)
      FROM events e, (SELECT NEW.side AS a, o.side AS b FROM event_participants o WHERE o.event_id = NEW.event_id AND o.side IS NOT NULL AND o.side <> NEW.side
                      UNION SELECT o.side, NEW.side FROM event_participants o WHERE o.event_id = NEW.event_id AND o.side IS NOT NULL AND o.side <> NEW.side) x
      WHERE e.id = NEW.event_id
      ON CONFLICT DO NOTHING;
    RETURN NULL;
  ELSIF TG_OP = 'UPDATE' THEN
    PERFORM communique_repair(ARRAY[OLD.event_id, NEW.event_id]);
    RETURN NULL;
  ELSE
    PERFORM communique_repair(ARRAY[OLD.event_id]);
    RETURN NULL;
  END IF;
END
$$;
CREATE TRIGGER event_participants_pairs_insert AFTER INSERT ON event_participants
  FOR EACH ROW WHEN (NEW.side IS NOT NULL) EXECUTE FUNCTION communique_participants_pairs();
CREATE TRIGGER event_participants_pairs_update AFTER UPDATE OF side, event_id ON event_participants
  FOR EACH ROW WHEN (OLD.side IS DISTINCT FROM NEW.side OR OLD.event_id <> NEW.event_id) EXECUTE FUNCTION communique_participants_pairs();
CREATE TRIGGER event_participants_pairs_delete AFTER DELETE ON event_participants
  FOR EACH ROW WHEN (OLD.side IS NOT NULL) EXECUTE FUNCTION communique_participants_pairs();

-- Events: a report that stops or starts counting, or a changed date or mode, carries over to its pairs.
CREATE FUNCTION communique_events_pairs() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    DELETE FROM side_pairs WHERE event_id = OLD.id;
    RETURN NULL;
  END IF;
  UPDATE side_pairs SET sort_date = NEW.sort_date, mode = NEW.mode, contact = communique_contact(NEW) WHERE event_id = NEW.id;
  RETURN NULL;
END
$$;
CREATE TRIGGER events_pairs_update AFTER UPDATE OF current, counted, planned, background, mode, sort_date ON events
  FOR EACH ROW WHEN (communique_contact(OLD) IS DISTINCT FROM communique_contact(NEW) OR OLD.sort_date <> NEW.sort_date OR OLD.mode <> NEW.mode)
  EXECUTE FUNCTION communique_events_pairs();
CREATE TRIGGER events_pairs_delete BEFORE DELETE ON events
  FOR EACH ROW EXECUTE FUNCTION communique_events_pairs();

-- Pairs: a contact pair added or removed moves its group's count, first and last date.
CREATE FUNCTION communique_pairs_counts() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  y text;
BEGIN
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.contact THEN
    y := substr(OLD.sort_date, 1, 4);
    UPDATE relation_counts SET n = n - 1 WHERE a = OLD.a AND b = OLD.b AND year = y AND mode = OLD.mode;
    DELETE FROM relation_counts WHERE a = OLD.a AND b = OLD.b AND year = y AND mode = OLD.mode AND n <= 0;
    IF y <> '' THEN
      UPDATE relation_counts r SET
        first = (SELECT min(s.sort_date) FROM side_pairs s WHERE s.a = OLD.a AND s.b = OLD.b AND s.sort_date >= y AND s.sort_date < y || '~' AND s.contact AND s.mode = OLD.mode),
        last = (SELECT max(s.sort_date) FROM side_pairs s WHERE s.a = OLD.a AND s.b = OLD.b AND s.sort_date >= y AND s.sort_date < y || '~' AND s.contact AND s.mode = OLD.mode)
      WHERE r.a = OLD.a AND r.b = OLD.b AND r.year = y AND r.mode = OLD.mode AND OLD.sort_date IN (r.first, r.last);
    END IF;
  END IF;
  IF TG_OP IN ('UPDATE', 'INSERT') AND NEW.contact THEN
    INSERT INTO relation_counts AS r (a, b, year, mode, n, first, last) VALUES (NEW.a, NEW.b, substr(NEW.sort_date, 1, 4), NEW.mode, 1, NEW.sort_date, NEW.sort_date)
      ON CONFLICT (a, b, year, mode) DO UPDATE SET n = r.n + 1, first = least(r.first, excluded.first), last = greatest(r.last, excluded.last);
  END IF;
  RETURN NULL;
END
$$;
CREATE TRIGGER side_pairs_counts AFTER INSERT OR UPDATE OR DELETE ON side_pairs
  FOR EACH ROW EXECUTE FUNCTION communique_pairs_counts();
