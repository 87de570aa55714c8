-- ---- Block transfer: the blocks of one long APDU or value, rejoined and decoded on the frame of the last block ----
-- Service-specific blocks (GET-Response-With-Datablock, SET-Request-With-(First-)Datablock, ACTION-Request-With-
-- (First-)Pblock, ACTION-Response-With-Pblock; IEC 62056-5-3 §9.4.6) carry the encoded value (or the list of
-- them) in pieces; so does the SN ReadResponse's data-block-result (§9.5: one variable's Data, or the list of
-- Read-Results of several), each next block asked for by a ReadRequest with block-number-access; general block
-- transfer (GBT, §9.4.6.13) carries a whole APDU in pieces. The first pass
-- (pinfo.visited false) collects the pieces per stream (direction, service, invoke id); later passes only read.

local B = {
  number = ProtoField.uint32("cosem.block.number", "Block number", base.DEC),
  reassembled_in = ProtoField.framenum("cosem.block.reassembled_in", "Reassembled in"),
  state = ProtoField.string("cosem.block.state", "Block state"),
  count = ProtoField.uint32("cosem.block.count", "Blocks", base.DEC),
  frame = ProtoField.framenum("cosem.block.frame", "Block frame"),
  length = ProtoField.uint32("cosem.block.length", "Reassembled length", base.DEC),
  content = ProtoField.string("cosem.block.content", "Reassembled content"),
}
for _, f in pairs(B) do fields[#fields + 1] = f end
p_cosem.fields = fields

local STREAMS = {}    -- first pass: stream key -> the stream being collected
local BLOCK_OF = {}   -- frame:APDU key -> { stream = ..., number = ..., state = ... } (every pass)

-- What the pieces of each service make when rejoined, by the service alternative that carries them.
local KINDS = {
  GetResponseWithDatablock = { key = "GET", first = true, content = function(ctx) return ctx.request_service == "GetRequestWithList" and "get-list" or "data" end },
  SetRequestWithFirstDatablock = { key = "SET", first = true, content = "data" },
  SetRequestWithListAndFirstDatablock = { key = "SET", first = true, content = "data-list" },
  SetRequestWithDatablock = { key = "SET" },
  ActionRequestWithFirstPblock = { key = "ACTION", first = true, content = "data" },
  ActionRequestWithListAndFirstPblock = { key = "ACTION", first = true, content = "data-list" },
  ActionRequestWithPblock = { key = "ACTION" },
  ActionResponseWithPblock = { key = "ACTION-RESPONSE", first = true, content = function(ctx) return ctx.request_service == "ActionRequestWithList" and "action-list" or "action" end },
  -- SN: the request's variable count (from the pairing) says whether the pieces are one Data or a list
  ReadResponse = { key = "READ", first = true, content = function(ctx) return (ctx.request_count or 1) > 1 and "read-list" or "data" end },
}

local function direction(pinfo)
  return tostring(pinfo.src) .. ":" .. tostring(pinfo.src_port) .. ">" .. tostring(pinfo.dst) .. ":" .. tostring(pinfo.dst_port)
end

local function copy(list)
  local out = {}
  for i, v in ipairs(list) do out[i] = v end
  return out
end

-- First pass: add this block to its stream; returns the record the block's frame keeps.
local function collect(tvb, pinfo, ctx, stream_key, kind)
  local number = ctx.block_number
  local stream = STREAMS[stream_key]
  if number == 1 and (kind == nil or kind.first) then
    stream = { bytes = ByteArray.new(), blocks = {}, next = 1, apdu = ctx.service or ctx.apdu,
      content = kind and kind.content, types = copy(ctx.queue), request_service = ctx.request_service }
    if type(stream.content) == "function" then stream.content = stream.content(ctx) end
    STREAMS[stream_key] = stream
  end
  if not stream then return { number = number, state = "no first block in the capture" } end
  if number < stream.next then return { stream = stream, number = number, state = "repeated (already in the reassembly)" } end
  if number > stream.next then
    STREAMS[stream_key] = nil
    stream.broken = "block " .. stream.next .. " missing"
    return { stream = stream, number = number, state = stream.broken }
  end
  if ctx.raw_len > 0 then stream.bytes:append(tvb(ctx.raw_off, ctx.raw_len):bytes()) end
  stream.blocks[#stream.blocks + 1] = { frame = pinfo.number, number = number, length = ctx.raw_len }
  stream.next = number + 1
  if ctx.last_block then
    STREAMS[stream_key] = nil
    stream.done = pinfo.number
    return { stream = stream, number = number, state = "last", last = true }
  end
  return { stream = stream, number = number, state = "in reassembly" }
end

-- ---- Decoders of the rejoined content ----

local function result_name(names, v) return tostring(v) .. " (" .. (names[v] or "reserved") .. ")" end

local function get_data_result(tvb, p, lim, tree, ctx, label)
  need(p, 1, lim)
  local choice = tvb(p, 1):uint()
  if choice == 0 then return R.data(tvb, p + 1, lim, tree, ctx, label) end
  if choice ~= 1 then fail(string.format("unknown Get-Data-Result tag %d", choice)) end
  need(p + 1, 1, lim)
  take_type(ctx, label)
  local item = tree:add(F.element, tvb(p, 2), "")
  item:set_text("DataAccessResult: " .. result_name(RESULT_NAMES.data_access, tvb(p + 1, 1):uint()))
  return p + 2
end

local function action_result(tvb, p, lim, tree, ctx)
  need(p, 2, lim)
  tree:add(F.element, tvb(p, 1), ""):set_text("Result: " .. result_name(RESULT_NAMES.action, tvb(p, 1):uint()))
  if tvb(p + 1, 1):uint() == 0 then return p + 2 end
  return get_data_result(tvb, p + 2, lim, tree, ctx, "ReturnParameters")
end

local function list_of(tvb, p, lim, tree, ctx, label, item)
  local count
  count, p = length(tvb, p, lim)
  if count > lim - p then fail("count " .. count .. " overruns the reassembled data") end
  local sub = tree:add(F.element, rng(tvb, 0, lim), "")
  sub:set_text(label .. " [" .. count .. "]")
  for _ = 1, count do p = item(tvb, p, lim, sub, ctx) end
  return p
end

local CONTENT = {
  ["data"] = function(tvb, lim, tree, ctx) return R.data(tvb, 0, lim, tree, ctx, nil) end,
  ["data-list"] = function(tvb, lim, tree, ctx)
    return list_of(tvb, 0, lim, tree, ctx, "ValueList", function(t, p, l, s, c) return R.data(t, p, l, s, c, nil) end)
  end,
  ["get-list"] = function(tvb, lim, tree, ctx)
    return list_of(tvb, 0, lim, tree, ctx, "Result", function(t, p, l, s, c) return get_data_result(t, p, l, s, c, nil) end)
  end,
  ["read-list"] = function(tvb, lim, tree, ctx)
    return list_of(tvb, 0, lim, tree, ctx, "ReadResponse", function(t, p, l, s, c) return get_data_result(t, p, l, s, c, nil) end)
  end,
  ["action"] = function(tvb, lim, tree, ctx) return action_result(tvb, 0, lim, tree, ctx) end,
  ["action-list"] = function(tvb, lim, tree, ctx) return list_of(tvb, 0, lim, tree, ctx, "ListOfResponses", action_result) end,
}

-- Shows the block under the APDU's tree; on the last block, decodes the rejoined bytes. Returns words for the
-- Info column. dissect: the APDU decoder, for the APDU a GBT stream carries.
local function handle_block(tvb, pinfo, tree, ctx, dissect)
  if ctx.sn_block_ack and ctx.block_number ~= nil then
    tree:add(B.number, rng(tvb, 0, tvb:len()), ctx.block_number)
      :set_text(string.format("Acknowledges block %d of the SN read, asks for the next", ctx.block_number))
    return "[next block after " .. tostring(ctx.block_number) .. "]"
  end
  local kind = KINDS[ctx.service or (ctx.sn_block and ctx.apdu) or ""]
  local gbt = ctx.apdu == "GeneralBlockTransfer"
  if not kind and not gbt then return nil end
  -- a block that carries a data-access-result instead of raw data ends nothing we can rejoin; GBT in GBT is nonsense
  if ctx.raw_off == nil or ctx.block_number == nil or (gbt and ctx.depth > 0) then return nil end
  local key = ctx.frame .. ":" .. ctx.seq
  if not pinfo.visited then
    local stream_key = (gbt and "GBT" or kind.key) .. "|" .. direction(pinfo) .. "|" .. (gbt and "" or tostring(ctx.invoke))
    -- a GBT block without data acknowledges the peer's blocks, unless it is the (empty) last block of a stream
    if gbt and ctx.raw_len == 0 and not (ctx.last_block and STREAMS[stream_key]) then
      BLOCK_OF[key] = { number = ctx.block_number, state = "acknowledgement (no data)" }
    else
      BLOCK_OF[key] = collect(tvb, pinfo, ctx, stream_key, kind)
    end
  end
  local record = BLOCK_OF[key]
  if not record then return nil end
  local stream = record.stream
  local item = tree:add(B.number, rng(tvb, ctx.raw_off, ctx.raw_len), record.number)
  item:set_text(string.format("Block %d of reassembly%s", record.number,
    stream and (" (" .. (gbt and "general block transfer" or stream.apdu) .. ")") or ""))
  item:add(B.state, rng(tvb, 0, 1), record.state)
  if stream and stream.done then item:add(B.reassembled_in, stream.done) end
  if not record.last then
    return "[block " .. tostring(record.number) .. (record.state ~= "in reassembly" and (": " .. record.state) or "") .. "]"
  end
  local blocks = #stream.blocks == 1 and "1 block" or (#stream.blocks .. " blocks")
  local whole = stream.bytes:tvb(gbt and "Reassembled GBT APDU" or "Reassembled blocks")
  local sub = tree:add(B.length, whole(), whole:len())
  sub:set_text(string.format("Reassembled %s: %d bytes in %s", gbt and "APDU" or "data", whole:len(), blocks))
  sub:add(B.count, whole(), #stream.blocks)
  for _, b in ipairs(stream.blocks) do
    sub:add(B.frame, whole(), b.frame):append_text(string.format(" (block %d, %d bytes)", b.number, b.length))
  end
  if gbt then
    local inner = dissect(whole, pinfo, sub, ctx.depth + 1)
    return "[reassembled " .. blocks .. "] " .. inner
  end
  sub:add(B.content, whole(), stream.content)
  -- A response is typed by its request (ctx.queue, from the invoke id); a request by its first block's descriptors.
  local types = (kind.key == "GET" or kind.key == "READ" or kind.key == "ACTION-RESPONSE") and ctx.queue or stream.types
  local inner = { tvb = whole, queue = copy(types), record = {}, summary = {}, inner = {}, frame = ctx.frame,
    seq = ctx.seq .. "+", conversation = ctx.conversation }
  local ok, err = pcall(CONTENT[stream.content], whole, whole:len(), sub, inner)
  if not ok then
    local message = type(err) == "table" and err[1] == MALFORMED and err[2] or tostring(err)
    sub:add_proto_expert_info(E_MALFORMED, "Malformed reassembled data: " .. message)
  end
  return "[reassembled " .. blocks .. "]"
end
