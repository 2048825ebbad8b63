-- eventwire store, migration 005: quotes get the sentence they start in, the
-- meaning of their cue, the speaker's actor code and the ids of the events
-- coded from the same sentence (so quotes join events on article_id + sentence
-- or through events).
ALTER TABLE quotes ADD COLUMN sentence INTEGER;
ALTER TABLE quotes ADD COLUMN kind VARCHAR;
ALTER TABLE quotes ADD COLUMN speaker_code VARCHAR;
ALTER TABLE quotes ADD COLUMN events JSON;
