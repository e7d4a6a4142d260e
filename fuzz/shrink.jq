# Cuts a tokenizer.json down to the model's first $k ids (plus its unknown token) and the merges
# among them, keeping every other component as it is: a seed that loads in well under a
# millisecond, so the parsing targets spend their time on structure rather than on vocabularies.
#   jq --argjson k 300 -f shrink.jq tokenizer.json
if (type == "object") and ((.model | type) == "object") then
  .model |= (
    if (.vocab | type) == "object" then
      (.unk_token // null) as $unk
      | .vocab |= with_entries(select(((.value | type) == "number" and .value < $k) or .key == $unk))
    elif (.vocab | type) == "array" then
      ((.unk_id // 0) | if type == "number" then . else 0 end) as $u
      | .vocab |= .[: ([$k, $u + 1] | max)]
    else . end
    | .vocab as $v
    | if (.merges | type) == "array" and ($v | type) == "object" then
        .merges |= map(select(
          (if type == "string" then split(" ") elif type == "array" then . else [] end) as $p
          | ($p | length) == 2
            and ($v[$p[0] | tostring] != null)
            and ($v[$p[1] | tostring] != null)
            and ($v[($p[0] | tostring) + ($p[1] | tostring)] != null)))
      else . end
  )
else . end
