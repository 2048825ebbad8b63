-- eventwire store, migration 008 (places): adjectival toponyms ("Russian troops",
-- "Palestinians") are kept as places of their country with demonym = true; like
-- metonyms they are never an event's location.
ALTER TABLE places ADD COLUMN demonym BOOLEAN DEFAULT false;
