-- The clients' search text with the old Indonesian spellings folded into the current ones, as
-- foldSpelling() in src/server/modules/clients/clients.repository.ts now writes it (same steps, same
-- order): Soetarno is found as Sutarno, Djoko as Joko, Tjipto as Cipto, and the other way round.
UPDATE "clients" SET "search_text" = replace(replace(replace(replace(replace(replace("search_text", 'dj', 'j'), 'tj', 'c'), 'sj', 'sy'), 'nj', 'ny'), 'ch', 'kh'), 'oe', 'u')
WHERE "search_text" ~ '(dj|tj|sj|nj|ch|oe)';
