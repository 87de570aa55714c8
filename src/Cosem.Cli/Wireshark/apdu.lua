-- ---- One APDU ----

local function conversation(pinfo)
  local a = tostring(pinfo.src) .. ":" .. tostring(pinfo.src_port)
  local b = tostring(pinfo.dst) .. ":" .. tostring(pinfo.dst_port)
  if a > b then a, b = b, a end
  return a .. "|" .. b
end

local apdu_seq = {}

-- Decodes the APDU in tvb (its own buffer) under tree; returns a one-line summary for the Info column.
local function dissect_apdu(tvb, pinfo, tree)
  local number = pinfo.number
  apdu_seq[number] = (apdu_seq[number] or 0) + 1
  local ctx = { tvb = tvb, queue = {}, record = {}, summary = {}, inner = {}, frame = number, seq = apdu_seq[number],
    conversation = conversation(pinfo) }
  local sub = tree:add(p_cosem, tvb())
  local ok, err = pcall(APDU, tvb, 0, tvb:len(), sub, ctx, nil)
  if not ok then
    local message = type(err) == "table" and err[1] == MALFORMED and err[2] or tostring(err)
    sub:add_proto_expert_info(E_MALFORMED, "Malformed APDU: " .. message)
  end
  if ctx.is_request and ctx.invoke ~= nil and #ctx.record > 0 then
    PENDING[ctx.conversation .. "/" .. ctx.invoke] = ctx.record
  end
  local words = { ctx.service or ctx.apdu or "APDU" }
  for _, name in ipairs(ctx.inner) do words[#words + 1] = "(" .. name .. ")" end
  for _, s in ipairs(ctx.summary) do words[#words + 1] = s end
  local summary = table.concat(words, " ")
  sub:append_text(": " .. summary)
  return summary
end
