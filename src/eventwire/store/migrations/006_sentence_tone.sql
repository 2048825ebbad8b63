-- eventwire store, migration 006 (events/tone): the tone of each sentence (VADER
-- compound score in [-1, 1]), kept beside the article's tone so an event's tone can
-- be read from the sentence it came from (GDELT's AvgTone, with its source).
ALTER TABLE sentences ADD COLUMN tone DOUBLE;
