-- eventwire store, migration 007 (places): a place that stands for its government
-- ("Beijing has not joined the sanctions") is kept with metonym = true; such places
-- are actors, never an event's location.
ALTER TABLE places ADD COLUMN metonym BOOLEAN DEFAULT false;
