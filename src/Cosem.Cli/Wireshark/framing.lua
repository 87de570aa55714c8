-- ---- Transports: wrapper (IEC 62056-47) over TCP and UDP, HDLC (IEC 62056-46) over TCP ----

local function set_info(pinfo, summary)
  local info = tostring(pinfo.cols.info)
  if pinfo.cols.protocol ~= nil then pinfo.cols.protocol = "COSEM" end
  if info:find("^COSEM ") then
    pinfo.cols.info:append("; " .. summary)
  else
    pinfo.cols.info:set("COSEM " .. summary)
  end
end

-- Wrapper: version, source wPort, destination wPort, length (2 bytes each), then the APDU.
local p_wrapper = Proto("cosem_wrapper", "DLMS/COSEM wrapper")
local W = {
  version = ProtoField.uint16("cosem_wrapper.version", "Version", base.DEC),
  source = ProtoField.uint16("cosem_wrapper.source", "Source wPort", base.DEC),
  destination = ProtoField.uint16("cosem_wrapper.destination", "Destination wPort", base.DEC),
  length = ProtoField.uint16("cosem_wrapper.length", "Length", base.DEC),
}
p_wrapper.fields = { W.version, W.source, W.destination, W.length }

local function wrapper_pdu(tvb, pinfo, tree)
  local sub = tree:add(p_wrapper, tvb(0, 8))
  sub:add(W.version, tvb(0, 2))
  sub:add(W.source, tvb(2, 2))
  sub:add(W.destination, tvb(4, 2))
  sub:add(W.length, tvb(6, 2))
  sub:append_text(string.format(", %d -> %d", tvb(2, 2):uint(), tvb(4, 2):uint()))
  local n = math.min(tvb(6, 2):uint(), tvb:len() - 8)
  if n > 0 then set_info(pinfo, dissect_apdu(tvb(8, n):tvb(), pinfo, tree)) end
  return 8 + n
end

local function wrapper_length(tvb, pinfo, off) return tvb(off + 6, 2):uint() + 8 end

function p_wrapper.dissector(tvb, pinfo, tree)
  if tvb:len() >= 2 and tvb(0, 2):uint() ~= 1 then return 0 end -- not a wrapper header (version 1)
  pinfo.cols.protocol = "COSEM"
  dissect_tcp_pdus(tvb, tree, 8, wrapper_length, wrapper_pdu, true)
  return tvb:len()
end

-- Over UDP every datagram holds whole wrapper PDUs.
local p_wrapper_udp = Proto("cosem_wrapper_udp", "DLMS/COSEM wrapper over UDP")
function p_wrapper_udp.dissector(tvb, pinfo, tree)
  if tvb:len() < 8 or tvb(0, 2):uint() ~= 1 then return 0 end
  pinfo.cols.protocol = "COSEM"
  local off = 0
  while tvb:len() - off >= 8 do
    local n = math.min(wrapper_length(tvb, pinfo, off), tvb:len() - off)
    wrapper_pdu(tvb(off, n):tvb(), pinfo, tree)
    off = off + n
  end
  return tvb:len()
end

-- HDLC frame: flag, format (type 0xA, segmentation bit, 11-bit length), destination and source addresses,
-- control, HCS, information, FCS, flag. Addresses end with a byte whose lowest bit is 1.
local p_hdlc = Proto("cosem_hdlc", "DLMS/COSEM HDLC")
local H = {
  format = ProtoField.uint16("cosem_hdlc.format", "Frame format", base.HEX),
  segmented = ProtoField.bool("cosem_hdlc.segmented", "Segmented"),
  length = ProtoField.uint16("cosem_hdlc.length", "Frame length", base.DEC),
  destination = ProtoField.string("cosem_hdlc.destination", "Destination address"),
  source = ProtoField.string("cosem_hdlc.source", "Source address"),
  control = ProtoField.uint8("cosem_hdlc.control", "Control", base.HEX),
  frame_type = ProtoField.string("cosem_hdlc.type", "Frame type"),
  hcs = ProtoField.uint16("cosem_hdlc.hcs", "HCS", base.HEX),
  fcs = ProtoField.uint16("cosem_hdlc.fcs", "FCS", base.HEX),
  llc = ProtoField.bytes("cosem_hdlc.llc", "LLC header"),
  info = ProtoField.bytes("cosem_hdlc.info", "Information"),
}
p_hdlc.fields = { H.format, H.segmented, H.length, H.destination, H.source, H.control, H.frame_type, H.hcs, H.fcs, H.llc, H.info }

local function hdlc_address(tvb, off, stop)
  local n = 0
  repeat
    if off + n >= stop then return nil, off end
    n = n + 1
  until tvb(off + n - 1, 1):uint() % 2 == 1
  local b = {}
  for i = 1, n do b[i] = math.floor(tvb(off + i - 1, 1):uint() / 2) end
  local text
  if n == 1 then text = tostring(b[1])
  elseif n == 2 then text = string.format("upper %d, lower %d", b[1], b[2])
  elseif n == 4 then text = string.format("upper %d, lower %d", b[1] * 128 + b[2], b[3] * 128 + b[4])
  else text = "invalid (" .. n .. " bytes)" end
  return text, off + n
end

local U_FRAMES = { [0x83] = "SNRM", [0x43] = "DISC", [0x63] = "UA", [0x0F] = "DM", [0x87] = "FRMR", [0x03] = "UI" }

local function control_text(c)
  if c % 2 == 0 then
    return string.format("I N(S)=%d N(R)=%d", math.floor(c / 2) % 8, math.floor(c / 32)), "I"
  end
  if c % 4 == 1 then
    local kind = ({ [0] = "RR", [1] = "RNR" })[math.floor(c / 4) % 4] or "S"
    return string.format("%s N(R)=%d", kind, math.floor(c / 32)), kind
  end
  local kind = U_FRAMES[c - (math.floor(c / 16) % 2) * 16] or "U"
  return kind, kind
end

local SEGMENTS = {}     -- direction -> ByteArray of the segments so far (first pass)
local REASSEMBLED = {}  -- frame number -> reassembled APDU bytes

-- body: the frame without its flags.
local function hdlc_frame(tvb, pinfo, tree)
  local stop = tvb:len()
  local sub = tree:add(p_hdlc, tvb())
  local format = tvb(0, 2):uint()
  sub:add(H.format, tvb(0, 2))
  local segmented = math.floor(format / 2048) % 2 == 1
  sub:add(H.segmented, tvb(0, 2), segmented)
  sub:add(H.length, tvb(0, 2), format % 2048)
  local destination, p = hdlc_address(tvb, 2, stop)
  local source
  if destination then sub:add(H.destination, tvb(2, p - 2), destination) end
  local at = p
  source, p = hdlc_address(tvb, p, stop)
  if not source or p >= stop then
    sub:add_proto_expert_info(E_MALFORMED, "HDLC frame too short for its addresses and control field")
    return
  end
  sub:add(H.source, tvb(at, p - at), source)
  local control = tvb(p, 1):uint()
  local text, kind = control_text(control)
  sub:add(H.control, tvb(p, 1))
  sub:add(H.frame_type, tvb(p, 1), text .. (math.floor(control / 16) % 2 == 1 and " P/F" or ""))
  sub:append_text(string.format(", %s, %s -> %s", text, source, destination or "?"))
  p = p + 1
  if stop - p < 2 then set_info(pinfo, "HDLC " .. text) return end
  local fcs_at = stop - 2
  if fcs_at > p then
    sub:add(H.hcs, tvb(p, 2))
    p = p + 2
  end
  sub:add(H.fcs, tvb(fcs_at, 2))
  local info_len = fcs_at - p
  if info_len <= 0 then set_info(pinfo, "HDLC " .. text) return end
  if kind ~= "I" and kind ~= "UI" then
    sub:add(H.info, tvb(p, info_len))
    set_info(pinfo, "HDLC " .. text)
    return
  end
  local direction = tostring(pinfo.src) .. ":" .. tostring(pinfo.src_port) .. ">" .. source .. ">" .. (destination or "")
  local apdu
  if not pinfo.visited then
    local buffer = SEGMENTS[direction]
    if buffer or segmented then
      buffer = buffer or ByteArray.new()
      buffer:append(tvb(p, info_len):bytes())
      if segmented then
        SEGMENTS[direction] = buffer
      else
        SEGMENTS[direction] = nil
        REASSEMBLED[pinfo.number] = buffer
      end
    end
  end
  if segmented then
    sub:add(H.info, tvb(p, info_len)):append_text(" (segment)")
    set_info(pinfo, "HDLC " .. text .. " segment")
    return
  end
  local whole = REASSEMBLED[pinfo.number]
  if whole then
    apdu = whole:tvb("Reassembled APDU")
  else
    apdu = tvb(p, info_len):tvb()
  end
  -- LLC: E6 E6 00 (to the server) or E6 E7 00 (to the client) before the APDU.
  local llc = 0
  if apdu:len() >= 3 and apdu(0, 1):uint() == 0xE6 and (apdu(1, 1):uint() == 0xE6 or apdu(1, 1):uint() == 0xE7) then
    llc = 3
    sub:add(H.llc, whole and apdu(0, 3) or tvb(p, 3))
  end
  if apdu:len() > llc then
    set_info(pinfo, dissect_apdu(apdu(llc):tvb(), pinfo, tree))
  end
end

function p_hdlc.dissector(tvb, pinfo, tree)
  pinfo.cols.protocol = "COSEM"
  local off, len = 0, tvb:len()
  while off < len do
    if tvb(off, 1):uint() ~= 0x7E then
      off = off + 1 -- not a frame start: skip to the next flag
    elseif off + 1 < len and tvb(off + 1, 1):uint() == 0x7E then
      off = off + 1 -- a closing flag followed by an opening one
    else
      if len - off < 3 then
        if off + 1 == len then return len end -- a lone closing flag
        pinfo.desegment_offset = off
        pinfo.desegment_len = DESEGMENT_ONE_MORE_SEGMENT
        return len
      end
      local frame_length = tvb(off + 1, 2):uint() % 2048
      if frame_length < 5 then
        off = off + 1
      elseif len - off < frame_length + 2 then
        pinfo.desegment_offset = off
        pinfo.desegment_len = frame_length + 2 - (len - off)
        return len
      else
        hdlc_frame(tvb(off + 1, frame_length):tvb(), pinfo, tree)
        off = off + 1 + frame_length
      end
    end
  end
  return len
end

if CONFIG.wrapper_tcp_port > 0 then DissectorTable.get("tcp.port"):add(CONFIG.wrapper_tcp_port, p_wrapper) end
if CONFIG.wrapper_udp_port > 0 then DissectorTable.get("udp.port"):add(CONFIG.wrapper_udp_port, p_wrapper_udp) end
if CONFIG.hdlc_tcp_port > 0 then DissectorTable.get("tcp.port"):add(CONFIG.hdlc_tcp_port, p_hdlc) end
