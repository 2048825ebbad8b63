-- eventwire store, migration 012: what to call each article in a listing (eventwire.headline):
-- its title, else its first line that says something (not a dateline, byline or web address).
-- Written with each article from now on; articles stored before get their title or first line,
-- as the listings showed them until now.
ALTER TABLE articles ADD COLUMN IF NOT EXISTS headline VARCHAR;
UPDATE articles SET headline = coalesce(nullif(trim(title), ''), trim(split_part(trim(text), chr(10), 1)))
WHERE headline IS NULL;
