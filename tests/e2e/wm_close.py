"""Ask a process's window to close, as a window manager does when its close button or
Alt+F4 is used: a WM_DELETE_WINDOW client message (ICCCM 4.2.8.1), sent over the X
display in $DISPLAY. Xvfb has no window manager, and WebDriver's own "close window" ends the
session rather than asking the app, so the tests send the message themselves.

Usage: python3 wm_close.py PID   (exit 0: sent to the window(s) of PID; 1: none found)

Only libX11 (which GTK needs anyway) is used, through ctypes: no package to install.
"""

import ctypes
import ctypes.util
import sys

x11 = ctypes.CDLL(ctypes.util.find_library("X11") or "libX11.so.6")

Window = ctypes.c_ulong
Atom = ctypes.c_ulong


class XClientMessageEvent(ctypes.Structure):
    _fields_ = [
        ("type", ctypes.c_int),
        ("serial", ctypes.c_ulong),
        ("send_event", ctypes.c_int),
        ("display", ctypes.c_void_p),
        ("window", Window),
        ("message_type", Atom),
        ("format", ctypes.c_int),
        ("data", ctypes.c_long * 5),
    ]


class XEvent(ctypes.Union):
    # Xlib's XEvent is padded to 24 longs.
    _fields_ = [("xclient", XClientMessageEvent), ("pad", ctypes.c_long * 24)]


CLIENT_MESSAGE = 33
NO_EVENT_MASK = 0
ANY_PROPERTY_TYPE = 0

x11.XOpenDisplay.restype = ctypes.c_void_p
x11.XOpenDisplay.argtypes = [ctypes.c_char_p]
x11.XDefaultRootWindow.restype = Window
x11.XDefaultRootWindow.argtypes = [ctypes.c_void_p]
x11.XInternAtom.restype = Atom
x11.XInternAtom.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
x11.XQueryTree.argtypes = [
    ctypes.c_void_p,
    Window,
    ctypes.POINTER(Window),
    ctypes.POINTER(Window),
    ctypes.POINTER(ctypes.POINTER(Window)),
    ctypes.POINTER(ctypes.c_uint),
]
x11.XGetWindowProperty.argtypes = [
    ctypes.c_void_p,
    Window,
    Atom,
    ctypes.c_long,
    ctypes.c_long,
    ctypes.c_int,
    Atom,
    ctypes.POINTER(Atom),
    ctypes.POINTER(ctypes.c_int),
    ctypes.POINTER(ctypes.c_ulong),
    ctypes.POINTER(ctypes.c_ulong),
    ctypes.POINTER(ctypes.POINTER(ctypes.c_ulong)),
]
x11.XGetWMProtocols.argtypes = [
    ctypes.c_void_p,
    Window,
    ctypes.POINTER(ctypes.POINTER(Atom)),
    ctypes.POINTER(ctypes.c_int),
]
x11.XSendEvent.argtypes = [ctypes.c_void_p, Window, ctypes.c_int, ctypes.c_long, ctypes.POINTER(XEvent)]
x11.XFree.argtypes = [ctypes.c_void_p]
x11.XFlush.argtypes = [ctypes.c_void_p]
x11.XCloseDisplay.argtypes = [ctypes.c_void_p]


def children(display, window):
    root, parent = Window(), Window()
    kids = ctypes.POINTER(Window)()
    n = ctypes.c_uint()
    if not x11.XQueryTree(display, window, ctypes.byref(root), ctypes.byref(parent), ctypes.byref(kids), ctypes.byref(n)):
        return []
    out = [kids[i] for i in range(n.value)]
    if kids:
        x11.XFree(kids)
    return out


def pid_of(display, window, net_wm_pid):
    kind, fmt = Atom(), ctypes.c_int()
    count, after = ctypes.c_ulong(), ctypes.c_ulong()
    value = ctypes.POINTER(ctypes.c_ulong)()
    status = x11.XGetWindowProperty(
        display, window, net_wm_pid, 0, 1, 0, ANY_PROPERTY_TYPE,
        ctypes.byref(kind), ctypes.byref(fmt), ctypes.byref(count), ctypes.byref(after), ctypes.byref(value),
    )
    if status != 0 or not value:
        return None
    pid = value[0] if count.value == 1 and fmt.value == 32 else None
    x11.XFree(value)
    return pid


def takes_delete(display, window, wm_delete):
    atoms = ctypes.POINTER(Atom)()
    n = ctypes.c_int()
    if not x11.XGetWMProtocols(display, window, ctypes.byref(atoms), ctypes.byref(n)):
        return False
    found = any(atoms[i] == wm_delete for i in range(n.value))
    x11.XFree(atoms)
    return found


def main():
    pid = int(sys.argv[1])
    display = x11.XOpenDisplay(None)
    if not display:
        sys.exit("wm_close: cannot open the X display in $DISPLAY")
    net_wm_pid = x11.XInternAtom(display, b"_NET_WM_PID", 0)
    wm_protocols = x11.XInternAtom(display, b"WM_PROTOCOLS", 0)
    wm_delete = x11.XInternAtom(display, b"WM_DELETE_WINDOW", 0)
    # The process's windows that take WM_DELETE_WINDOW: its top-level windows, not GTK's
    # hidden leader window.
    pending, targets = [x11.XDefaultRootWindow(display)], []
    while pending:
        w = pending.pop()
        for child in children(display, w):
            if pid_of(display, child, net_wm_pid) == pid and takes_delete(display, child, wm_delete):
                targets.append(child)
            pending.append(child)
    for w in targets:
        event = XEvent()
        event.xclient.type = CLIENT_MESSAGE
        event.xclient.window = w
        event.xclient.message_type = wm_protocols
        event.xclient.format = 32
        event.xclient.data[0] = wm_delete
        event.xclient.data[1] = 0  # CurrentTime
        x11.XSendEvent(display, w, 0, NO_EVENT_MASK, ctypes.byref(event))
    x11.XFlush(display)
    x11.XCloseDisplay(display)
    if not targets:
        sys.exit(f"wm_close: no window of process {pid} takes WM_DELETE_WINDOW")
    print(f"asked {len(targets)} window(s) of process {pid} to close")


if __name__ == "__main__":
    main()
