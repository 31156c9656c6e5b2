-- Whether the warehouse holds any passage at all, to tell "nothing matches" from "nothing to search".
SELECT EXISTS (SELECT 1 FROM passages);
