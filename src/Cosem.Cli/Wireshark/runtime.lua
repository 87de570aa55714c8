-- ---- Runtime: value decoders the grammar's node functions call (R.*), typed A-XDR Data, names from CLASSES ----
-- Written for Lua 5.2 and later (Wireshark 3.x and 4.x): bit fields use arithmetic, not bit libraries.

local p_cosem = Proto("cosem", "DLMS/COSEM APDU")
local F = {
  apdu = ProtoField.string("cosem.apdu", "APDU"),
  service = ProtoField.string("cosem.service", "Service"),
  class_id = ProtoField.uint16("cosem.class_id", "Class id", base.DEC),
  class = ProtoField.string("cosem.class", "Class"),
  obis = ProtoField.string("cosem.obis", "Logical name"),
  attribute = ProtoField.string("cosem.attribute", "Attribute"),
  method = ProtoField.string("cosem.method", "Method"),
  value = ProtoField.string("cosem.value", "Value"),
  element = ProtoField.string("cosem.element", "Element"),
}
local PDU = {}
local fields = {}
for _, f in pairs(F) do fields[#fields + 1] = f end
for _, name in ipairs(FIELD_NAMES) do
  PDU[name] = ProtoField.string("cosem.pdu." .. name, name)
  fields[#fields + 1] = PDU[name]
end
-- p_cosem.fields is assigned once, in blocks.lua, after the block fields join these (a second assignment would
-- register every field twice).
local E_MALFORMED = ProtoExpert.new("cosem.malformed", "Malformed APDU", expert.group.MALFORMED, expert.severity.ERROR)
p_cosem.experts = { E_MALFORMED }

local MALFORMED = {}
local function fail(message) error({ MALFORMED, message }, 0) end
local function need(off, n, lim)
  if n < 0 or off + n > lim then fail(string.format("%d byte(s) needed at offset %d, %d left", n, off, lim - off)) end
end

-- A range for a tree item, clamped to the buffer (an empty item sits on one byte when there is one).
local function rng(tvb, off, n)
  local len = tvb:len()
  if off >= len then return tvb(len > 0 and len - 1 or 0, 0) end
  if off + n > len then n = len - off end
  return tvb(off, n)
end

local function hex(tvb, off, n)
  local shown = math.min(n, 64)
  local parts = {}
  for i = 0, shown - 1 do parts[#parts + 1] = string.format("%02X", tvb(off + i, 1):uint()) end
  return table.concat(parts) .. (n > shown and "..." or "")
end

local function printable(tvb, off, n)
  if n == 0 then return false end
  for i = 0, n - 1 do
    local b = tvb(off + i, 1):uint()
    if b < 0x20 or b > 0x7E then return false end
  end
  return true
end

local function bits(v, shift, width) return math.floor(v / 2 ^ shift) % 2 ^ width end

-- A-XDR length: one byte below 0x80, else 0x80+n followed by n bytes.
local function length(tvb, off, lim)
  need(off, 1, lim)
  local b = tvb(off, 1):uint()
  if b < 0x80 then return b, off + 1 end
  local n = b - 0x80
  if n < 1 or n > 4 then fail("length of " .. n .. " bytes") end
  need(off + 1, n, lim)
  return tvb(off + 1, n):uint(), off + 1 + n
end

local function leaf(tree, tvb, off, n, label, text)
  local field = label and PDU[label]
  if field then return tree:add(field, rng(tvb, off, n), text) end
  local item = tree:add(F.element, rng(tvb, off, n), text)
  item:set_text((label or "Element") .. ": " .. text)
  return item
end

function R.open(tree, tvb, off, label)
  if not label then return tree end
  local item = tree:add(PDU[label] or F.element, rng(tvb, off, 1), "")
  item:set_text(label)
  return item
end

function R.close(sub, tree, start, off)
  if sub ~= tree then sub:set_len(off - start) end
end

-- ---- Context: what the APDU is about, and request/response pairing by invoke id ----

local PENDING = {}   -- conversation .. invoke id -> types of the request's descriptors (first pass)
local RESOLVED = {}  -- frame and APDU number -> the types a response was given (later passes)

local SN = {} -- short-name references (shortnames.lua)
local V = {}  -- class versions learned from object lists (versions.lua)

local function named(t) return t and t.n and TYPES[t.n] or nil end

-- What the next Data value of this APDU is ({ t = type, name = attribute or method }), from the descriptors seen
-- so far or from the request this APDU answers.
local function take_type(ctx, label)
  if label == "AccessParameters" or label == "Parameter" then return nil end
  return table.remove(ctx.queue, 1)
end

local function describe_member(ctx, label, v, item, range)
  -- the class of the descriptor's object, in the version an object list gave it (else the newest)
  local cls = ctx.class_id and V.class_of(ctx, ctx.class_id, ctx.ln)
  local older = cls and cls ~= CLASSES[ctx.class_id]
  if label == "AttributeId" then
    local a = cls and cls.attributes[v]
    local name = a and a.name or (v == 0 and "all attributes" or nil)
    if name then
      item:append_text(" (" .. name .. ")")
      item:add(F.attribute, range, name)
      ctx.summary[#ctx.summary + 1] = name
    elseif older then
      item:append_text(" (not an attribute of " .. cls.name .. ")")
    end
    -- the current association's object list tells the versions of the objects
    local entry = { t = a and a.type, name = name, learn = ctx.class_id == 15 and v == 2 and ctx.ln == "0.0.40.0.0.255" and "ln" or nil }
    ctx.queue[#ctx.queue + 1] = entry
    ctx.record[#ctx.record + 1] = entry
  elseif label == "MethodId" then
    local m = cls and cls.methods[v]
    if m then
      item:append_text(" (" .. m.name .. ")")
      item:add(F.method, range, m.name)
      ctx.summary[#ctx.summary + 1] = m.name
    elseif older then
      item:append_text(" (not a method of " .. cls.name .. ")")
    end
    ctx.queue[#ctx.queue + 1] = { t = m and m.param, name = m and (m.name .. " parameter") }
    ctx.record[#ctx.record + 1] = { t = m and m.ret, name = m and (m.name .. " result") }
  elseif label == "VariableName" then
    SN.describe(ctx, v, item, range)
  end
end

local function on_invoke_id(ctx, v)
  if ctx.invoke ~= nil then return end
  ctx.invoke = v
  if ctx.is_response then
    local key = ctx.frame .. ":" .. ctx.seq
    local types = RESOLVED[key]
    if types == nil then
      types = PENDING[ctx.conversation .. "/" .. v] or false
      RESOLVED[key] = types
    end
    if types then
      for i, t in ipairs(types) do ctx.queue[i] = t end
      ctx.request_service = types.service
      ctx.request_count = #types
    end
  end
end

-- ---- Leaves of the grammar ----

function R.uint(tvb, off, lim, tree, ctx, label, size, names, as_hex)
  need(off, size, lim)
  local r = tvb(off, size)
  local v = size == 8 and r:uint64() or r:uint()
  local text = as_hex and string.format("0x%0" .. (2 * size) .. "X", v) or tostring(v)
  if names then text = text .. " (" .. (names[size == 8 and tonumber(tostring(v)) or v] or "reserved") .. ")" end
  local item = leaf(tree, tvb, off, size, label, text)
  describe_member(ctx, label, v, item, tvb(off, size))
  if label == "BlockNumber" and ctx.block_number == nil then ctx.block_number = v end
  return off + size
end

function R.int(tvb, off, lim, tree, ctx, label, size)
  need(off, size, lim)
  local v = tvb(off, size):int()
  local item = leaf(tree, tvb, off, size, label, tostring(v))
  describe_member(ctx, label, v, item, tvb(off, size))
  return off + size
end

function R.flags(tvb, off, lim, tree, ctx, label, size, bitfields)
  need(off, size, lim)
  local v = tvb(off, size):uint()
  local parts = {}
  for _, f in ipairs(bitfields) do
    local b = bits(v, f[2], f[3])
    parts[#parts + 1] = f[1] .. "=" .. (f[4] and (b ~= 0 and f[4] or f[5]) or tostring(b))
  end
  local item = leaf(tree, tvb, off, size, label, string.format("0x%0" .. (2 * size) .. "X", v) .. " (" .. table.concat(parts, " ") .. ")")
  for _, f in ipairs(bitfields) do
    local b = bits(v, f[2], f[3])
    item:add(PDU[f[1]], rng(tvb, off, size), f[4] and (b ~= 0 and f[4] or f[5]) or tostring(b))
    if f[1] == "InvokeId" then on_invoke_id(ctx, b) end
    if f[1] == "LastBlock" then ctx.last_block = b == 1 end
  end
  return off + size
end

function R.boolean(tvb, off, lim, tree, ctx, label)
  need(off, 1, lim)
  local b = tvb(off, 1):uint()
  if label == "LastBlock" then ctx.last_block = b ~= 0 end
  leaf(tree, tvb, off, 1, label, b == 0 and "false" or (b == 0xFF and "true" or string.format("true (0x%02X)", b)))
  return off + 1
end

function R.null(tvb, off, lim, tree, ctx, label)
  leaf(tree, tvb, off, 0, label, "null")
  return off
end

function R.octets(tvb, off, lim, tree, ctx, label)
  local n, p = length(tvb, off, lim)
  need(p, n, lim)
  leaf(tree, tvb, off, p - off + n, label, hex(tvb, p, n))
  if label == "RawData" or label == "BlockData" then ctx.raw_off, ctx.raw_len = p, n end
  return p + n
end

-- COSEM date-time (IEC 62056-6-2 §4.1.6.1): unspecified fields (0xFF, year 0xFFFF) are shown as '*'.
local function date_part(tvb, off)
  local y, m, d = tvb(off, 2):uint(), tvb(off + 2, 1):uint(), tvb(off + 3, 1):uint()
  local function two(v) return v == 0xFF and "**" or string.format("%02d", v) end
  local text = (y == 0xFFFF and "****" or string.format("%04d", y)) .. "-" .. two(m) .. "-" .. two(d)
  local dow = tvb(off + 4, 1):uint()
  return text, dow
end
local function time_part(tvb, off)
  local function two(v) return v == 0xFF and "**" or string.format("%02d", v) end
  local text = two(tvb(off, 1):uint()) .. ":" .. two(tvb(off + 1, 1):uint()) .. ":" .. two(tvb(off + 2, 1):uint())
  local hs = tvb(off + 3, 1):uint()
  if hs ~= 0xFF and hs ~= 0 then text = text .. string.format(".%02d", hs) end
  return text
end
local function format_date_time(tvb, off)
  local date, dow = date_part(tvb, off)
  local text = date .. " " .. time_part(tvb, off + 5)
  local deviation = tvb(off + 9, 2):int()
  if deviation ~= -0x8000 then text = text .. string.format(" deviation %d min", deviation) end
  local status = tvb(off + 11, 1):uint()
  if status ~= 0xFF and status ~= 0 then text = text .. string.format(" status 0x%02X", status) end
  if dow ~= 0xFF then text = text .. " day-of-week " .. dow end
  return text
end
local function format_date(tvb, off)
  local date, dow = date_part(tvb, off)
  if dow ~= 0xFF then date = date .. " day-of-week " .. dow end
  return date
end
local function format_obis(tvb, off)
  local parts = {}
  for i = 0, 5 do parts[#parts + 1] = tostring(tvb(off + i, 1):uint()) end
  return table.concat(parts, ".")
end

function R.date_time_octets(tvb, off, lim, tree, ctx, label)
  local n, p = length(tvb, off, lim)
  need(p, n, lim)
  leaf(tree, tvb, off, p - off + n, label, n == 12 and format_date_time(tvb, p) or hex(tvb, p, n))
  return p + n
end

function R.obis(tvb, off, lim, tree, ctx, label)
  need(off, 6, lim)
  local text = format_obis(tvb, off)
  local item = leaf(tree, tvb, off, 6, label, text)
  item:add(F.obis, tvb(off, 6), text)
  ctx.ln = text -- the object the next attribute or method id belongs to
  ctx.summary[#ctx.summary + 1] = text
  return off + 6
end

local function class_name(id)
  local cls = CLASSES[id]
  return cls and cls.name or CLASS_NAMES[id]
end

function R.class_id(tvb, off, lim, tree, ctx, label)
  need(off, 2, lim)
  local id = tvb(off, 2):uint()
  ctx.class_id = id
  local name = class_name(id)
  local item = leaf(tree, tvb, off, 2, label, name and (id .. " (" .. name .. ")") or tostring(id))
  item:add(F.class_id, tvb(off, 2))
  if name then
    item:add(F.class, tvb(off, 2), name)
    ctx.summary[#ctx.summary + 1] = name
  else
    ctx.summary[#ctx.summary + 1] = "class " .. id
  end
  return off + 2
end

-- The conformance block: [APPLICATION 31] IMPLICIT BIT STRING (SIZE(24)), bit 0 the first bit sent.
function R.conformance(tvb, off, lim, tree, ctx, label, names)
  need(off, 7, lim)
  local v = tvb(off + 4, 3):uint()
  local set = {}
  for i = 0, 23 do
    if bits(v, 23 - i, 1) == 1 then set[#set + 1] = names[i + 1] or ("bit" .. i) end
  end
  leaf(tree, tvb, off, 7, label, string.format("%06X (%s)", v, table.concat(set, " ")))
  return off + 7
end

-- Ciphered content: security header (control byte, invocation counter), ciphertext, authentication tag.
function R.ciphered(tvb, off, lim, tree, ctx, label)
  local n, p = length(tvb, off, lim)
  need(p, n, lim)
  if n < 5 then fail("ciphered content shorter than its security header") end
  local sub = tree:add(PDU[label] or F.element, tvb(off, p - off + n), "")
  sub:set_text((label or "CipheredContent") .. " (" .. n .. " bytes)")
  local sc = tvb(p, 1):uint()
  sub:add(F.element, tvb(p, 1), ""):set_text(string.format("SecurityControl: 0x%02X (SecuritySuite=%d Authentication=%s Encryption=%s KeySet=%s Compression=%s)",
    sc, bits(sc, 0, 4), tostring(bits(sc, 4, 1) == 1), tostring(bits(sc, 5, 1) == 1), bits(sc, 6, 1) == 1 and "broadcast" or "unicast", tostring(bits(sc, 7, 1) == 1)))
  sub:add(F.element, tvb(p + 1, 4), ""):set_text("InvocationCounter: " .. tvb(p + 1, 4):uint())
  local tag = bits(sc, 4, 1) == 1 and 12 or 0
  local body = n - 5 - tag
  if body < 0 then fail("ciphered content cannot hold its authentication tag") end
  if body > 0 then sub:add(F.element, tvb(p + 5, body), ""):set_text("CipheredText: " .. hex(tvb, p + 5, body) .. " (not deciphered)") end
  if tag > 0 then sub:add(F.element, tvb(p + 5 + body, tag), ""):set_text("AuthenticationTag: " .. hex(tvb, p + 5 + body, tag)) end
  return p + n
end

-- ---- Composite productions ----

function R.choice(tvb, off, lim, tree, ctx, label, what, alternatives)
  need(off, 1, lim)
  local tag = tvb(off, 1):uint()
  local alt = alternatives[tag]
  if not alt then fail(string.format("unknown %s tag %d (0x%02X)", what, tag, tag)) end
  local name = alt[1]
  local sub = tree:add(PDU[name], rng(tvb, off, 1), name)
  sub:set_text(label and (label .. ": " .. name) or name)
  if what == "APDU" then
    if not ctx.apdu then
      ctx.apdu = name
      ctx.is_response = name:find("Response", 1, true) ~= nil or name == "Aare" or name == "Rlre"
      ctx.is_request = not ctx.is_response and name:find("Request", 1, true) ~= nil
      sub:add(F.apdu, rng(tvb, off, 1), name)
      -- SN services have no invoke id: a response answers the conversation's last request.
      if SN.CONFIRMED[name] then on_invoke_id(ctx, "sn") end
    else
      ctx.inner[#ctx.inner + 1] = name
    end
  elseif not ctx.service and ctx.apdu and (what:find("%-Request$") or what:find("%-Response$")) then
    -- the service's own CHOICE (GET-Request: normal, next, with-list), not a choice inside it
    ctx.service = name
    sub:add(F.service, rng(tvb, off, 1), name)
  end
  -- A result without data still answers one request item: keep the types of the next ones in step.
  -- (A data-block-result carries a piece of the answer: its type stays for the rejoined value.)
  if (what == "Get-Data-Result" or what == "ReadResponse item") and name ~= "Data" and name ~= "DataBlockResult" then take_type(ctx, nil) end
  -- SN long reads: the answer's pieces, and the request that acknowledges one and asks for the next (blocks.lua)
  if what == "ReadResponse item" and name == "DataBlockResult" then ctx.sn_block = true end
  if what == "Variable-Access-Specification" and name == "BlockNumberAccess" then ctx.sn_block_ack = true end
  local body = N[alt[2]]
  local p = body(tvb, off + 1, lim, sub, ctx, alt[3] and name or nil)
  sub:set_len(p - off)
  return p
end

function R.optional(tvb, off, lim, tree, ctx, label, node)
  need(off, 1, lim)
  if tvb(off, 1):uint() == 0 then return off + 1 end
  return node(tvb, off + 1, lim, tree, ctx, label)
end

function R.default(tvb, off, lim, tree, ctx, label, node, default)
  need(off, 1, lim)
  if tvb(off, 1):uint() == 0 then
    leaf(tree, tvb, off, 1, label, default .. " (default)")
    return off + 1
  end
  return node(tvb, off + 1, lim, tree, ctx, label)
end

function R.sequence_of(tvb, off, lim, tree, ctx, label, item)
  local count, p = length(tvb, off, lim)
  if count > lim - p then fail("count " .. count .. " overruns the APDU") end
  local sub = tree:add(PDU[label] or F.element, rng(tvb, off, p - off), "")
  sub:set_text((label or "SEQUENCE OF") .. " [" .. count .. "]")
  for _ = 1, count do p = item(tvb, p, lim, sub, ctx, nil) end
  sub:set_len(p - off)
  return p
end
