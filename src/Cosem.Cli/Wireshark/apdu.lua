-- ---- One APDU ----

local function conversation(pinfo)
  local a = tostring(pinfo.src) .. ":" .. tostring(pinfo.src_port)
  local b = tostring(pinfo.dst) .. ":" .. tostring(pinfo.dst_port)
  if a > b then a, b = b, a end
  return a .. "|" .. b
end

-- Decodes the APDU in tvb (its own buffer) under tree; returns a one-line summary for the Info column. depth: 0 for
-- an APDU of the capture, 1 for one rejoined from general block transfer blocks.
local function dissect_apdu(tvb, pinfo, tree, depth)
  local number = pinfo.number
  depth = depth or 0
  -- Which APDU of the frame this is, the same on every pass (a counter would not be: frames are dissected again):
  -- where it starts in its data source, its length and nesting.
  local seq = tvb:offset() .. "/" .. tvb:len() .. "/" .. depth
  local ctx = { tvb = tvb, queue = {}, record = {}, summary = {}, inner = {}, frame = number, seq = seq,
    conversation = conversation(pinfo), depth = depth, visited = pinfo.visited }
  local sub = tree:add(p_cosem, tvb())
  local ok, err = pcall(APDU, tvb, 0, tvb:len(), sub, ctx, nil)
  if not ok then
    local message = type(err) == "table" and err[1] == MALFORMED and err[2] or tostring(err)
    sub:add_proto_expert_info(E_MALFORMED, "Malformed APDU: " .. message)
  end
  if ctx.is_request and ctx.invoke ~= nil and #ctx.record > 0 then
    ctx.record.service = ctx.service
    PENDING[ctx.conversation .. "/" .. ctx.invoke] = ctx.record
  end
  local block_words
  if ok then
    local handled, words_or_error = pcall(handle_block, tvb, pinfo, sub, ctx, dissect_apdu)
    if handled then
      block_words = words_or_error
    else
      local message = type(words_or_error) == "table" and words_or_error[2] or tostring(words_or_error)
      sub:add_proto_expert_info(E_MALFORMED, "Malformed block: " .. message)
    end
  end
  local words = { ctx.service or ctx.apdu or "APDU" }
  for _, name in ipairs(ctx.inner) do words[#words + 1] = "(" .. name .. ")" end
  for _, s in ipairs(ctx.summary) do words[#words + 1] = s end
  if block_words then words[#words + 1] = block_words end
  local summary = table.concat(words, " ")
  sub:append_text(": " .. summary)
  return summary
end
