-- eventwire store, migration 010: the qualifier of a time expression
-- ("late", "early", "mid", "approx"...), as in the record's times[].mod.
ALTER TABLE times ADD COLUMN mod VARCHAR;
