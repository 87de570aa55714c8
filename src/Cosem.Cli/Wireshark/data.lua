-- ---- A-XDR Data (IEC 62056-6-2 §4.1.5), typed by the schema where the attribute's type is known ----

local DATA_TYPES = {
  [0] = "null-data", [1] = "array", [2] = "structure", [3] = "boolean", [4] = "bit-string", [5] = "double-long",
  [6] = "double-long-unsigned", [9] = "octet-string", [10] = "visible-string", [12] = "utf8-string", [13] = "bcd",
  [15] = "integer", [16] = "long", [17] = "unsigned", [18] = "long-unsigned", [19] = "compact-array", [20] = "long64",
  [21] = "long64-unsigned", [22] = "enum", [23] = "float32", [24] = "float64", [25] = "date-time", [26] = "date",
  [27] = "time", [28] = "delta-integer", [29] = "delta-long", [30] = "delta-double-long", [31] = "delta-unsigned",
  [32] = "delta-long-unsigned", [33] = "delta-double-long-unsigned", [255] = "dont-care",
}
local FIXED = {
  [0] = 0, [3] = 1, [5] = 4, [6] = 4, [13] = 1, [15] = 1, [16] = 2, [17] = 1, [18] = 2, [20] = 8, [21] = 8, [22] = 1,
  [23] = 4, [24] = 8, [25] = 12, [26] = 5, [27] = 4, [28] = 1, [29] = 2, [30] = 4, [31] = 1, [32] = 2, [33] = 4, [255] = 0,
}
local SIGNED = { [5] = true, [15] = true, [16] = true, [20] = true, [28] = true, [29] = true, [30] = true }

-- Names of the set bits of v (an integer), or of a bit-string's bits (position n = the n-th bit sent).
local function flag_names(names, is_set)
  local set = {}
  for n, name in pairs(names) do
    if is_set(n) then set[#set + 1] = { n, name } end
  end
  table.sort(set, function(a, b) return a[1] < b[1] end)
  local out = {}
  for _, s in ipairs(set) do out[#out + 1] = s[2] end
  return table.concat(out, ", ")
end

local function scalar_text(tvb, p, n, tag, t)
  local nt = named(t)
  if tag == 3 then return tvb(p, 1):uint() == 0 and "false" or "true" end
  if tag == 23 or tag == 24 then return tostring(tvb(p, n):float()) end
  if tag == 25 then return format_date_time(tvb, p) end
  if tag == 26 then return format_date(tvb, p) end
  if tag == 27 then return time_part(tvb, p) end
  if FIXED[tag] and n > 0 and tag ~= 13 then
    local v
    if n == 8 then v = SIGNED[tag] and tvb(p, 8):int64() or tvb(p, 8):uint64()
    else v = SIGNED[tag] and tvb(p, n):int() or tvb(p, n):uint() end
    local text = tostring(v)
    if nt and nt.k == "enum" then
      text = text .. " (" .. (nt.names[tonumber(tostring(v))] or "undefined") .. ")"
    elseif nt and nt.k == "flags" and n <= 4 then
      text = string.format("0x%0" .. (2 * n) .. "X", v) .. " (" .. flag_names(nt.names, function(bit) return bits(v, bit, 1) == 1 end) .. ")"
    end
    return text
  end
  if tag == 13 then return hex(tvb, p, n) end
  return nil
end

local function decode_data(tvb, off, lim, tree, ctx, label, t, depth)
  if depth > 64 then fail("Data nested deeper than 64 levels") end
  need(off, 1, lim)
  local tag = tvb(off, 1):uint()
  local tname = DATA_TYPES[tag]
  if not tname then fail(string.format("unknown data type tag %d (0x%02X)", tag, tag)) end
  local nt = named(t)
  local kind = nt and nt.k or (t and t.k)
  local p = off + 1
  if tag == 1 or tag == 2 then
    local count
    count, p = length(tvb, p, lim)
    if count > lim - p then fail("count " .. count .. " overruns the APDU") end
    local sub = tree:add(F.element, rng(tvb, off, p - off), "")
    sub:set_text(label .. " (" .. tname .. " [" .. count .. "])")
    for i = 1, count do
      local child_label, child_type = "[" .. (i - 1) .. "]", nil
      if tag == 2 and kind == "structure" and nt.fields[i] then
        child_label, child_type = nt.fields[i].name, nt.fields[i].type
      elseif tag == 1 and kind == "array" then
        child_type = t.el
      end
      p = decode_data(tvb, p, lim, sub, ctx, child_label, child_type, depth + 1)
    end
    sub:set_len(p - off)
    return p
  end
  if tag == 19 then
    -- compact-array: a type description, then the packed contents (shown raw)
    local function skip_description(q)
      need(q, 1, lim)
      local td = tvb(q, 1):uint()
      if td == 1 then need(q + 1, 2, lim) return skip_description(q + 3) end
      if td == 2 then
        local c
        c, q = length(tvb, q + 1, lim)
        for _ = 1, c do q = skip_description(q) end
        return q
      end
      return q + 1
    end
    local q = skip_description(p)
    local n, r = length(tvb, q, lim)
    need(r, n, lim)
    local item = tree:add(F.value, tvb(off, r + n - off), hex(tvb, r, n))
    item:set_text(label .. " (compact-array, description " .. hex(tvb, p, q - p) .. "): " .. hex(tvb, r, n))
    return r + n
  end
  local n = FIXED[tag]
  if not n then
    n, p = length(tvb, p, lim)
    if tag == 4 then n = math.ceil(n / 8) end
  end
  need(p, n, lim)
  local text = scalar_text(tvb, p, n, tag, t)
  if not text then
    if tag == 9 and kind == "date-time" and n == 12 then text = format_date_time(tvb, p)
    elseif tag == 9 and kind == "date" and n == 5 then text = format_date(tvb, p)
    elseif tag == 9 and kind == "time" and n == 4 then text = time_part(tvb, p)
    elseif tag == 9 and kind == "obis" and n == 6 then text = format_obis(tvb, p)
    elseif tag == 10 or tag == 12 or (tag == 9 and kind == "visible-string") then text = '"' .. tvb(p, n):string() .. '"'
    elseif tag == 4 and nt and nt.k == "flags" then
      local first = p
      text = hex(tvb, p, n) .. " (" .. flag_names(nt.names, function(bit)
        return bit < n * 8 and bits(tvb(first + math.floor(bit / 8), 1):uint(), 7 - bit % 8, 1) == 1
      end) .. ")"
    elseif tag == 9 and printable(tvb, p, n) then text = hex(tvb, p, n) .. ' ("' .. tvb(p, n):string() .. '")'
    elseif tag == 0 or tag == 255 then text = tname
    else text = hex(tvb, p, n) end
  end
  local item = tree:add(F.value, tvb(off, p + n - off), text)
  item:set_text(label .. " (" .. tname .. "): " .. text)
  return p + n
end

function R.data(tvb, off, lim, tree, ctx, label)
  local entry = take_type(ctx, label)
  local p = decode_data(tvb, off, lim, tree, ctx, entry and entry.name or label or "Data", entry and entry.t, 0)
  if entry and entry.learn and not ctx.visited then
    if entry.learn == "ln" then V.learn_ln(ctx, tvb, off, p) else SN.learn(ctx, tvb, off, p) end
  end
  return p
end
