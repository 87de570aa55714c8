-- ---- Short-name referencing: which object, attribute or method a variable name means ----
-- A variable name is an object's base name plus the attribute's or method's sn-offset (attribute n at 8 * (n - 1)
-- unless its schema says otherwise; IEC 62056-6-2 §4.1.3). Base names come from, in this order: the Association SN
-- object_list (base name 0xFA00, attribute 2) read earlier in the same conversation, the --sn-map table (SN_MAP),
-- the file named by the "SN map file" preference (same format), and 0xFA00 itself, the current association.

SN.CONFIRMED = { ReadRequest = true, WriteRequest = true, ReadResponse = true, WriteResponse = true }

local learned = {}        -- conversation -> base name -> { c = class id, ln = logical name }
local from_preference = {} -- base name -> { c, ln }, from the preference's file
local CURRENT_ASSOCIATION = { c = 12, ln = "0.0.40.0.0.255" }

-- One map line: base name (0x hex or decimal), class id, logical name (a.b.c.d.e.f); '#' starts a comment.
function SN.parse_line(line)
  line = line:gsub("#.*$", "")
  local base, class_id, ln = line:match("^%s*(%S+)%s+(%d+)%s+(%d+%.%d+%.%d+%.%d+%.%d+%.%d+)%s*$")
  if not base then return nil end
  local value = tonumber(base)
  if not value or value < 0 or value > 0xFFFF then return nil end
  return value, { c = tonumber(class_id), ln = ln }
end

p_cosem.prefs.sn_map_file = Pref.string("SN map file", "",
  "A file of short-name base names: one object a line, 'base-name class-id logical-name' (e.g. 0x2000 8 0.0.1.0.0.255)")

function p_cosem.prefs_changed()
  from_preference = {}
  local path = p_cosem.prefs.sn_map_file
  if path == nil or path == "" then return end
  local file = io.open(path, "r")
  if not file then return end
  for line in file:lines() do
    local base, object = SN.parse_line(line)
    if base then from_preference[base] = object end
  end
  file:close()
end

-- The object whose attributes or methods cover variable name v: the nearest base name at or below it.
local function find_object(conversation, v)
  local mine = learned[conversation]
  for offset = 0, 0x1F8, 8 do
    local base = v - offset
    if base < 0 then return nil end
    local object = (mine and mine[base]) or SN_MAP[base] or from_preference[base] or (base == 0xFA00 and CURRENT_ASSOCIATION or nil)
    if object then return base, object end
  end
  return nil
end

-- Attributes and methods of a class by sn-offset.
local by_offset = {}
local function members(cls)
  local table_ = by_offset[cls]
  if table_ then return table_ end
  table_ = {}
  for index, a in pairs(cls.attributes) do table_[a.sn or (index - 1) * 8] = { index = index, a = a } end
  for index, m in pairs(cls.methods) do
    if m.sn then table_[m.sn] = { index = index, m = m } end
  end
  by_offset[cls] = table_
  return table_
end

function SN.describe(ctx, v, item, range)
  local entry, result = {}, {}
  local base, object = find_object(ctx.conversation, v)
  if base then
    local cls = V.for_version(object.c, object.v)
    local name = cls and cls.name or CLASS_NAMES[object.c] or ("class " .. object.c)
    local member = cls and members(cls)[v - base]
    local what
    if member and member.a then
      what = member.a.name
      item:add(F.attribute, range, what)
      entry = { t = member.a.type, name = what, learn = object.c == 12 and member.index == 2 }
      result = entry
    elseif member and member.m then
      what = member.m.name
      item:add(F.method, range, what)
      entry = { t = member.m.param, name = what .. " parameter" }
      result = { t = member.m.ret, name = what .. " result" }
    else
      what = string.format("offset 0x%02X", v - base)
    end
    item:append_text(string.format(" (%s %s %s)", name, object.ln, what))
    item:add(F.class_id, range, object.c)
    item:add(F.class, range, name)
    item:add(F.obis, range, object.ln)
    ctx.summary[#ctx.summary + 1] = name .. " " .. object.ln .. " " .. what
  end
  -- every variable name takes one place, known or not, so the values after it stay in step
  ctx.queue[#ctx.queue + 1] = entry
  ctx.record[#ctx.record + 1] = result
end

-- The Association SN object_list: array of { base_name long, class_id long-unsigned, version unsigned,
-- logical_name octet-string(6) }; the version picks the class table (versions.lua). Anything else is left alone.
function SN.learn(ctx, tvb, off, stop)
  local ok, objects = pcall(function()
    if tvb(off, 1):uint() ~= 1 then return nil end
    local count, p = length(tvb, off + 1, stop)
    local found = {}
    for _ = 1, count do
      if p + 18 > stop or tvb(p, 2):uint() ~= 0x0204 or tvb(p + 2, 1):uint() ~= 0x10 or tvb(p + 5, 1):uint() ~= 0x12
        or tvb(p + 8, 1):uint() ~= 0x11 or tvb(p + 10, 2):uint() ~= 0x0906 then
        return nil
      end
      found[tvb(p + 3, 2):uint()] = { c = tvb(p + 6, 2):uint(), v = tvb(p + 9, 1):uint(), ln = format_obis(tvb, p + 12) }
      p = p + 18
    end
    return found
  end)
  if ok and objects then learned[ctx.conversation] = objects end
end
