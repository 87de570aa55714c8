-- ---- Class versions: which version of its class each object is, learned from the object lists in the capture ----
-- The Association LN object_list (attribute 2 of the current association, 0.0.40.0.0.255) gives the class id,
-- version and logical name of every object; the Association SN object_list gives them by base name
-- (shortnames.lua). An object whose version has a table of its own (CLASS_VERSIONS: only the versions whose members
-- differ from the newest) is named and typed by it; any other object by the newest version (CLASSES).

local ln_versions = {} -- conversation -> "class id/logical name" -> version

-- The class table of that version of class id, or the newest when the version is unknown or names the same members.
function V.for_version(id, version)
  local by_version = version and CLASS_VERSIONS[id]
  return by_version and by_version[version] or CLASSES[id]
end

-- The class table for the LN object (id, ln) in this APDU's conversation.
function V.class_of(ctx, id, ln)
  local mine = ln and ln_versions[ctx.conversation]
  return V.for_version(id, mine and mine[id .. "/" .. ln])
end

-- Where the A-XDR Data at p ends (its value is not needed: the access rights of an object list element).
local function skip_data(tvb, p, stop, depth)
  if depth > 16 then fail("object list element nested deeper than 16 levels") end
  need(p, 1, stop)
  local tag = tvb(p, 1):uint()
  if tag == 1 or tag == 2 then
    local count
    count, p = length(tvb, p + 1, stop)
    for _ = 1, count do p = skip_data(tvb, p, stop, depth + 1) end
    return p
  end
  local n = FIXED[tag]
  if n then return p + 1 + n end
  if tag == 19 or not DATA_TYPES[tag] then fail("data type " .. tag .. " in an object list") end
  n, p = length(tvb, p + 1, stop)
  if tag == 4 then n = math.ceil(n / 8) end
  return p + n
end

-- The Association LN object_list: array of { class_id long-unsigned, version unsigned, logical_name
-- octet-string(6), access_rights }. Anything else is left alone.
function V.learn_ln(ctx, tvb, off, stop)
  local ok, objects = pcall(function()
    if tvb(off, 1):uint() ~= 1 then return nil end
    local count, p = length(tvb, off + 1, stop)
    local found = {}
    for _ = 1, count do
      if p + 15 > stop or tvb(p, 2):uint() ~= 0x0204 or tvb(p + 2, 1):uint() ~= 0x12 or tvb(p + 5, 1):uint() ~= 0x11
        or tvb(p + 7, 2):uint() ~= 0x0906 then
        return nil
      end
      found[tvb(p + 3, 2):uint() .. "/" .. format_obis(tvb, p + 9)] = tvb(p + 6, 1):uint()
      p = skip_data(tvb, p + 15, stop, 0)
    end
    return found
  end)
  if ok and objects then ln_versions[ctx.conversation] = objects end
end
