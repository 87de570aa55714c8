namespace Cosem.Sdk.Obis;

// Logical names fixed by IEC 62056-6-1 / Blue Book §"Abstract objects" and the usual electricity (A=1) codes.
public readonly partial struct ObisCode
{
    /// <summary>The clock object, 0.0.1.0.0.255.</summary>
    public static ObisCode Clock => new(0, 0, 1, 0, 0, 255);

    /// <summary>The Association LN object of the association in use, 0.0.40.0.0.255.</summary>
    public static ObisCode CurrentAssociation => new(0, 0, 40, 0, 0, 255);

    /// <summary>SAP assignment, 0.0.41.0.0.255.</summary>
    public static ObisCode SapAssignment => new(0, 0, 41, 0, 0, 255);

    /// <summary>COSEM logical device name, 0.0.42.0.0.255.</summary>
    public static ObisCode LogicalDeviceName => new(0, 0, 42, 0, 0, 255);

    /// <summary>Security setup of the management association, 0.0.43.0.0.255.</summary>
    public static ObisCode SecuritySetup => new(0, 0, 43, 0, 0, 255);

    /// <summary>Invocation counter (frame counter) of the management client, 0.0.43.1.0.255.</summary>
    public static ObisCode InvocationCounter => new(0, 0, 43, 1, 0, 255);

    /// <summary>Image transfer, 0.0.44.0.0.255.</summary>
    public static ObisCode ImageTransfer => new(0, 0, 44, 0, 0, 255);

    /// <summary>IEC local port setup (optical port), 0.0.20.0.0.255.</summary>
    public static ObisCode IecLocalPortSetup => new(0, 0, 20, 0, 0, 255);

    /// <summary>IEC HDLC setup, 0.0.22.0.0.255.</summary>
    public static ObisCode HdlcSetup => new(0, 0, 22, 0, 0, 255);

    /// <summary>TCP-UDP setup, 0.0.25.0.0.255.</summary>
    public static ObisCode TcpUdpSetup => new(0, 0, 25, 0, 0, 255);

    /// <summary>IPv4 setup, 0.0.25.1.0.255.</summary>
    public static ObisCode Ipv4Setup => new(0, 0, 25, 1, 0, 255);

    /// <summary>Push setup, 0.0.25.9.0.255.</summary>
    public static ObisCode PushSetup => new(0, 0, 25, 9, 0, 255);

    /// <summary>Activity calendar, 0.0.13.0.0.255.</summary>
    public static ObisCode ActivityCalendar => new(0, 0, 13, 0, 0, 255);

    /// <summary>Special days table, 0.0.11.0.0.255.</summary>
    public static ObisCode SpecialDaysTable => new(0, 0, 11, 0, 0, 255);

    /// <summary>Limiter, 0.0.17.0.0.255.</summary>
    public static ObisCode Limiter => new(0, 0, 17, 0, 0, 255);

    /// <summary>Disconnect control, 0.0.96.3.10.255.</summary>
    public static ObisCode DisconnectControl => new(0, 0, 96, 3, 10, 255);

    /// <summary>Device ID 1 (manufacturing number), 0.0.96.1.0.255.</summary>
    public static ObisCode DeviceId1 => new(0, 0, 96, 1, 0, 255);

    /// <summary>Standard event log, 0.0.99.98.0.255.</summary>
    public static ObisCode StandardEventLog => new(0, 0, 99, 98, 0, 255);

    /// <summary>Load profile 1, 1.0.99.1.0.255.</summary>
    public static ObisCode LoadProfile1 => new(1, 0, 99, 1, 0, 255);

    /// <summary>Active energy import (+A), total, 1.0.1.8.0.255.</summary>
    public static ObisCode ActiveEnergyImport => new(1, 0, 1, 8, 0, 255);

    /// <summary>Active energy export (−A), total, 1.0.2.8.0.255.</summary>
    public static ObisCode ActiveEnergyExport => new(1, 0, 2, 8, 0, 255);

    /// <summary>Instantaneous active power import (+P), 1.0.1.7.0.255.</summary>
    public static ObisCode ActivePowerImport => new(1, 0, 1, 7, 0, 255);

    /// <summary>Instantaneous voltage L1, 1.0.32.7.0.255.</summary>
    public static ObisCode VoltageL1 => new(1, 0, 32, 7, 0, 255);

    /// <summary>Instantaneous current L1, 1.0.31.7.0.255.</summary>
    public static ObisCode CurrentL1 => new(1, 0, 31, 7, 0, 255);
}
